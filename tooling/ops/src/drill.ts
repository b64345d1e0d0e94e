// The disaster-recovery drill: a stack with data written through the API, a backup, the loss of
// the database and every stored object, a restore into a fresh stack, and a check that it serves
// the same data. RTO runs from the loss to a verified, serving stack; RPO is the backup's age
// at the moment of loss.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startStack, type RunningStack } from '@alawein/local-supabase';
import { createNodeClient } from '@alawein/local-supabase/testing';
import { createBackup } from './backup.ts';
import { restoreBackup, type RestoreReport } from './restore.ts';
import type { Target } from './target.ts';

/** The Infrastructure Guide's recovery objectives. */
export const RECOVERY_TARGETS = { rtoSeconds: 3600, rpoSeconds: 24 * 3600 } as const;

export interface DrillOptions {
  /** Users signed up and given data through the API. */
  users?: number;
  /** Extra rows bulk-loaded into public.projects (the benchmark's large dataset). */
  bulkRows?: number;
  log?: (line: string) => void;
}

export interface DrillReport {
  rows: number;
  objects: number;
  backupSeconds: number;
  rtoSeconds: number;
  rpoSeconds: number;
  restore: RestoreReport;
  /** What the restored stack served back, checked through the API. */
  servedChecks: string[];
}

interface SeededUser {
  email: string;
  password: string;
  projects: number;
  photo: string;
}

const PASSWORD = 'drill-password-0123';
const PHOTO = Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 drill photo bytes');

function apiClient(stack: RunningStack) {
  return createNodeClient(stack.config.apiUrl, stack.config.anonKey);
}

function targetOf(stack: RunningStack): Target {
  return {
    dbUrl: stack.config.dbUrl,
    apiUrl: stack.config.apiUrl,
    serviceRoleKey: stack.config.serviceRoleKey,
    isLocal: true,
  };
}

async function seedThroughApi(stack: RunningStack, users: number): Promise<SeededUser[]> {
  const seeded: SeededUser[] = [];
  for (let i = 0; i < users; i += 1) {
    const client = apiClient(stack);
    const email = `drill-${i}-${Date.now()}@example.test`;
    const { data, error } = await client.auth.signUp({
      email,
      password: PASSWORD,
      options: { data: { display_name: `Drill ${i}` } },
    });
    if (error || !data.user) throw error ?? new Error('sign-up returned no user');
    const projects = Array.from({ length: 3 }, (_, n) => ({
      app: 'repz' as const,
      name: `Programme ${i}.${n}`,
      owner_id: data.user!.id,
    }));
    const inserted = await client.from('projects').insert(projects);
    if (inserted.error) throw inserted.error;
    const photo = `${data.user.id}/front.webp`;
    const upload = await client.storage
      .from('repz-progress-photos')
      .upload(photo, PHOTO, { contentType: 'image/webp' });
    if (upload.error) throw upload.error;
    seeded.push({ email, password: PASSWORD, projects: projects.length, photo });
  }
  return seeded;
}

async function bulkLoad(stack: RunningStack, rows: number): Promise<void> {
  const client = new pg.Client({ connectionString: stack.config.dbUrl });
  await client.connect();
  try {
    // Straight SQL: a million API calls would measure the API, not recovery.
    await client.query(
      `with owners as (select array_agg(id order by id) as ids from auth.users)
       insert into public.projects (owner_id, app, name, description)
       select owners.ids[1 + g % cardinality(owners.ids)],
              (array['simcore', 'repz', 'qmlab', 'liveit'])[1 + g % 4],
              'Bulk project ' || g, repeat('x', 64)
       from generate_series(1, $1::int) g, owners`,
      [rows],
    );
  } finally {
    await client.end();
  }
}

async function checkServed(stack: RunningStack, users: readonly SeededUser[]): Promise<string[]> {
  const checks: string[] = [];
  for (const user of users) {
    const client = apiClient(stack);
    const { error } = await client.auth.signInWithPassword({
      email: user.email,
      password: user.password,
    });
    if (error) throw new Error(`restored user ${user.email} cannot sign in: ${error.message}`);
    const { count, error: listError } = await client
      .from('projects')
      .select('id', { count: 'exact', head: true })
      .like('name', 'Programme %');
    if (listError || count !== user.projects)
      throw new Error(`restored projects of ${user.email}: ${count ?? listError?.message}`);
    const download = await client.storage.from('repz-progress-photos').download(user.photo);
    if (download.error)
      throw new Error(`restored photo of ${user.email}: ${download.error.message}`);
    if (!Buffer.from(await download.data.arrayBuffer()).equals(PHOTO))
      throw new Error(`restored photo of ${user.email} differs`);
    checks.push(`${user.email}: signs in, sees ${count} projects, downloads the photo`);
  }
  return checks;
}

/** Runs the whole drill on its own stack in a temporary folder; nothing else is touched. */
export async function runDrill(options: DrillOptions = {}): Promise<DrillReport> {
  const log = options.log ?? (() => undefined);
  const work = await mkdtemp(path.join(tmpdir(), 'alawein-drill-'));
  const dataDir = path.join(work, 'stack');
  const ports = { apiPort: await freePort(), dbPort: await freePort() };
  let stack: RunningStack | undefined;
  try {
    stack = await startStack({ dataDir, ...ports, quiet: true });
    log(`stack up at ${stack.config.apiUrl}; seeding through the API`);
    const users = await seedThroughApi(stack, options.users ?? 3);
    if (options.bulkRows) {
      log(`bulk-loading ${options.bulkRows} rows`);
      await bulkLoad(stack, options.bulkRows);
    }

    const backupStarted = performance.now();
    const backup = await createBackup({
      target: targetOf(stack),
      root: path.join(work, 'backups'),
    });
    const backupSeconds = (performance.now() - backupStarted) / 1000;
    const rows = backup.manifest.database!.tables.reduce((sum, table) => sum + table.rows, 0);
    log(
      `backup: ${rows} rows, ${backup.manifest.storage!.objects} objects in ${backupSeconds.toFixed(2)} s`,
    );

    // The disaster: the database and every stored object are gone.
    await stack.stop();
    stack = undefined;
    await rm(dataDir, { recursive: true, force: true });
    const lostAt = Date.now();
    const rpoSeconds = (lostAt - Date.parse(backup.manifest.createdAt)) / 1000;
    log('database and storage destroyed; restoring');

    stack = await startStack({ dataDir, ...ports, quiet: true });
    // A new stack is seeded with the demo users, so it is not empty: replacing its data is the point.
    const restore = await restoreBackup({
      backupDir: backup.dir,
      target: targetOf(stack),
      force: true,
    });
    const servedChecks = await checkServed(stack, users);
    const rtoSeconds = (Date.now() - lostAt) / 1000;
    return {
      rows,
      objects: backup.manifest.storage!.objects,
      backupSeconds,
      rtoSeconds,
      rpoSeconds,
      restore,
      servedChecks,
    };
  } finally {
    await stack?.stop().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}

/** The drill's figures against the targets, one line each. */
export function formatDrillReport(report: DrillReport): string[] {
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  return [
    `dataset: ${report.rows} rows, ${report.objects} objects (backup took ${report.backupSeconds.toFixed(2)} s)`,
    `verification: ${report.restore.mismatches.length} table mismatches, ${report.restore.objectProblems.length} object problems`,
    `RTO ${report.rtoSeconds.toFixed(2)} s (target < ${RECOVERY_TARGETS.rtoSeconds} s): ${verdict(report.rtoSeconds < RECOVERY_TARGETS.rtoSeconds)}`,
    `RPO ${report.rpoSeconds.toFixed(2)} s (target < ${RECOVERY_TARGETS.rpoSeconds} s): ${verdict(report.rpoSeconds < RECOVERY_TARGETS.rpoSeconds)}`,
  ];
}
