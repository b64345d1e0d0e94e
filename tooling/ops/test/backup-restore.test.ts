// Backup and restore against a real stack: PostgreSQL, the gateway and storage on free ports.
import { cp, mkdtemp, readFile, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeClient, startTestStack, type TestStack } from '@alawein/local-supabase/testing';
import { backupProblems, createBackup } from '../src/backup.ts';
import { tableFigures } from '../src/inventory.ts';
import { DATABASE_FILE, MANIFEST_FILE, readManifest, writeManifest } from '../src/manifest.ts';
import { restoreBackup, RestoreRefused } from '../src/restore.ts';
import type { Target } from '../src/target.ts';

let stack: TestStack;
let target: Target;
let work: string;
let backupDir: string;

async function sql<T extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  stack = await startTestStack();
  target = {
    dbUrl: stack.dbUrl!,
    apiUrl: stack.url,
    serviceRoleKey: stack.serviceRoleKey,
    isLocal: true,
  };
  work = await mkdtemp(path.join(tmpdir(), 'ops-backup-'));
  const client = createNodeClient(stack.url, stack.anonKey);
  const { data, error } = await client.auth.signUp({
    email: `backup-${Date.now()}@example.test`,
    password: 'backup-password-1',
  });
  if (error || !data.user) throw error ?? new Error('no user');
  await client
    .from('projects')
    .insert({ app: 'qmlab', name: 'Bell states', owner_id: data.user.id })
    .throwOnError();
  const upload = await client.storage
    .from('repz-progress-photos')
    .upload(`${data.user.id}/side.webp`, Buffer.from('webp bytes'), { contentType: 'image/webp' });
  if (upload.error) throw upload.error;
  backupDir = (await createBackup({ target, root: path.join(work, 'backups') })).dir;
});

afterAll(async () => {
  await stack?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a backup', () => {
  it('records every table with its row count and checksum, the migrations and the objects', async () => {
    const manifest = await readManifest(backupDir);
    const tables = manifest.database!.tables.map((t) => t.table);
    expect(tables).toEqual(
      expect.arrayContaining([
        'auth.users',
        'storage.buckets',
        'public.profiles',
        'public.projects',
      ]),
    );
    const projects = manifest.database!.tables.find((t) => t.table === 'public.projects')!;
    expect(projects.rows).toBe(
      Number((await sql<{ n: string }>('select count(*) as n from public.projects'))[0]!.n),
    );
    expect(manifest.migrations.length).toBeGreaterThan(0);
    // Every object the stack holds: the seeded bucket files (config.toml's objects_path) and the photo.
    expect(manifest.storage!.objects).toBe(
      Number((await sql<{ n: string }>('select count(*) as n from storage.objects'))[0]!.n),
    );
    const photo = manifest.storage!.files.find((file) => file.name.endsWith('/side.webp'));
    expect(photo?.bucket).toBe('repz-progress-photos');
    expect(photo?.size).toBe(10);
    expect(manifest.tools.pgDump).toMatch(/pg_dump \(PostgreSQL\) 1[5-9]/);
    expect(await backupProblems(backupDir, manifest)).toEqual([]);
  });

  it('never writes credentials into its files', async () => {
    const text = await readFile(path.join(backupDir, MANIFEST_FILE), 'utf8');
    expect(text).not.toContain('postgres:postgres');
    expect(text).not.toContain(stack.serviceRoleKey);
  });
});

describe('a restore', () => {
  it('refuses a target that holds users or objects unless forced, and writes nothing', async () => {
    const before = await figures();
    await expect(restoreBackup({ backupDir, target })).rejects.toThrow(RestoreRefused);
    await expect(restoreBackup({ backupDir, target })).rejects.toThrow(/not empty .* pass --force/);
    expect(await figures()).toEqual(before);
  });

  it('refuses a target whose migrations differ from the backup’s', async () => {
    const copy = path.join(work, 'other-schema');
    await cp(backupDir, copy, { recursive: true });
    const manifest = await readManifest(copy);
    await writeManifest(copy, {
      ...manifest,
      migrations: [...manifest.migrations, '29990101000000'],
    });
    await expect(restoreBackup({ backupDir: copy, target, force: true })).rejects.toThrow(
      /missing migrations 29990101000000/,
    );
  });

  it('refuses a damaged backup', async () => {
    const copy = path.join(work, 'damaged');
    await cp(backupDir, copy, { recursive: true });
    await truncate(path.join(copy, DATABASE_FILE), 10);
    await expect(restoreBackup({ backupDir: copy, target, force: true })).rejects.toThrow(
      /checksum differs/,
    );
  });

  it('with --force puts back exactly the backed-up rows and objects', async () => {
    await sql(
      `insert into public.projects (owner_id, app, name) select id, 'repz', 'after the backup' from auth.users limit 1`,
    );
    await sql(`delete from public.profiles where id in (select id from auth.users limit 1)`);
    const report = await restoreBackup({ backupDir, target, force: true });
    expect(report.mismatches).toEqual([]);
    expect(report.objectProblems).toEqual([]);
    expect(await sql(`select 1 from public.projects where name = 'after the backup'`)).toEqual([]);
  });
});

async function figures() {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    return await tableFigures(client, ['auth.users', 'public.projects', 'public.profiles']);
  } finally {
    await client.end();
  }
}
