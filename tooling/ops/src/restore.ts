// Restores a backup into a database that already has the backup's migrations (a fresh project
// or `pnpm stack reset`): rows in one transaction, then objects, then a check of every figure.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { backupProblems } from './backup.ts';
import { appliedMigrations, compareFigures, tableFigures, type Mismatch } from './inventory.ts';
import { readManifest, STORAGE_DIR, type Manifest } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';
import { uploadObjects, verifyObjects } from './storage-objects.ts';
import type { Target } from './target.ts';

export interface RestoreOptions {
  backupDir: string;
  target: Target;
  /** Replace the data of a target that already has users or objects. */
  force?: boolean;
}

export interface RestoreReport {
  manifest: Manifest;
  mismatches: Mismatch[];
  objectProblems: string[];
  durationMs: number;
}

/** A restore that was refused before anything was written. */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const started = performance.now();
  const manifest = await readManifest(options.backupDir);
  const problems = await backupProblems(options.backupDir, manifest);
  if (problems.length > 0)
    throw new RestoreRefused(`the backup is not usable: ${problems.join('; ')}`);
  const database = manifest.database!;

  const client = new pg.Client({ connectionString: options.target.dbUrl });
  await client.connect();
  try {
    await checkTarget(client, manifest, options.force ?? false);
    await restoreRows(
      options,
      database.file,
      database.tables.map((t) => t.table),
    );
    const records = manifest.storage?.files ?? [];
    await uploadObjects(options.target, records, path.join(options.backupDir, STORAGE_DIR));
    const mismatches = compareFigures(
      database.tables,
      await tableFigures(
        client,
        database.tables.map((t) => t.table),
      ),
    );
    const objectProblems = await verifyObjects(options.target, records);
    return {
      manifest,
      mismatches,
      objectProblems,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await client.end();
  }
}

async function checkTarget(client: pg.Client, manifest: Manifest, force: boolean): Promise<void> {
  const applied = await appliedMigrations(client).catch(() => [] as string[]);
  if (applied.join() !== manifest.migrations.join()) {
    const missing = manifest.migrations.filter((version) => !applied.includes(version));
    const extra = applied.filter((version) => !manifest.migrations.includes(version));
    throw new RestoreRefused(
      "the target schema differs from the backup's: " +
        [
          missing.length && `missing migrations ${missing.join(', ')}`,
          extra.length && `newer migrations ${extra.join(', ')}`,
        ]
          .filter(Boolean)
          .join('; ') +
        ". Bring the target to the backup's migrations first (supabase db push, or pnpm stack reset locally).",
    );
  }
  const { rows } = await client.query<{ users: string; objects: string }>(
    `select (select count(*) from auth.users)::text as users, (select count(*) from storage.objects)::text as objects`,
  );
  const { users, objects } = rows[0]!;
  if (!force && (Number(users) > 0 || Number(objects) > 0)) {
    throw new RestoreRefused(
      `the target is not empty (${users} users, ${objects} stored objects); pass --force to replace its data`,
    );
  }
}

/**
 * Empties every backed-up table and loads the dump in one transaction, with triggers off so
 * rows arrive exactly as they were (no signup trigger creating profiles twice, no updated_at).
 */
async function restoreRows(
  options: RestoreOptions,
  dumpFile: string,
  tables: readonly string[],
): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'alawein-restore-'));
  try {
    const truncate = path.join(work, 'truncate.sql');
    const rows = path.join(work, 'rows.sql');
    // storage.objects is emptied too: its rows come back with the uploads.
    await writeFile(truncate, `truncate ${[...tables, 'storage.objects'].join(', ')} cascade;\n`);
    await runPgTool('pg_restore', [
      '--data-only',
      '--disable-triggers',
      `--file=${rows}`,
      path.join(options.backupDir, dumpFile),
    ]);
    await runPgTool(
      'psql',
      [
        '--no-psqlrc',
        '--quiet',
        '--single-transaction',
        '--set=ON_ERROR_STOP=1',
        `--file=${truncate}`,
        `--file=${rows}`,
      ],
      options.target.dbUrl,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
