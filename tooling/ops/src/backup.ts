// A backup: the project's rows (pg_dump custom format, data only — the structure is the
// migrations, recorded in the manifest) and its stored objects, in a timestamped folder.
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import {
  appliedMigrations,
  APP_SCHEMAS,
  backedUpTables,
  PLATFORM_TABLES,
  storedObjects,
  tableFigures,
} from './inventory.ts';
import { DATABASE_FILE, STORAGE_DIR, writeManifest, type Manifest } from './manifest.ts';
import { pgToolVersion, runPgTool } from './pg-tools.ts';
import { downloadObjects, fileSha256 } from './storage-objects.ts';
import { describeTarget, type Target } from './target.ts';

export interface BackupOptions {
  target: Target;
  /** Folder that holds the timestamped backups. */
  root: string;
  now?: Date;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
}

/** Folder name of a backup taken at `date`: sortable and safe on every file system. */
export function backupName(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Dumps rows and objects of `target` into a new folder under `root`, with its manifest. */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const createdAt = options.now ?? new Date();
  const dir = path.join(options.root, backupName(createdAt));
  await mkdir(dir, { recursive: true });
  try {
    const manifest = await dumpInto(dir, options.target, createdAt);
    manifest.durationMs = Math.round(performance.now() - started);
    await writeManifest(dir, manifest);
    return { dir, manifest };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function dumpInto(dir: string, target: Target, createdAt: Date): Promise<Manifest> {
  const client = new pg.Client({ connectionString: target.dbUrl });
  await client.connect();
  try {
    // One snapshot for the dump and the figures, so the manifest describes exactly what was dumped.
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ snapshot: string; server: string }>(
      `select pg_export_snapshot() as snapshot, current_setting('server_version') as server`,
    );
    const { snapshot, server } = rows[0]!;
    const tables = await backedUpTables(client);
    const migrations = await appliedMigrations(client);
    const objects = await storedObjects(client);

    const dumpFile = path.join(dir, DATABASE_FILE);
    const dump = runPgTool(
      'pg_dump',
      [
        '--format=custom',
        '--data-only',
        `--snapshot=${snapshot}`,
        // With --table, pg_dump ignores --schema, so the app schemas go in as patterns
        // (tables and their sequences) next to the platform tables.
        ...APP_SCHEMAS.map((schema) => `--table=${schema}.*`),
        ...PLATFORM_TABLES.map((table) => `--table=${table}`),
        `--file=${dumpFile}`,
      ],
      target.dbUrl,
    );
    const figures = await tableFigures(client, tables);
    await dump;
    await client.query('commit');

    const files = await downloadObjects(target, objects, path.join(dir, STORAGE_DIR));
    return {
      format: 1,
      createdAt: createdAt.toISOString(),
      source: describeTarget(target),
      durationMs: 0,
      tools: { pgDump: await pgToolVersion('pg_dump'), server, node: process.version },
      migrations,
      database: {
        file: DATABASE_FILE,
        bytes: (await stat(dumpFile)).size,
        sha256: await fileSha256(dumpFile),
        tables: figures,
      },
      storage: {
        objects: files.length,
        bytes: files.reduce((sum, file) => sum + file.size, 0),
        files,
      },
    };
  } finally {
    await client.end();
  }
}

/** Why a backup cannot be trusted, or an empty list: the checks CI fails loudly on. */
export async function backupProblems(dir: string, manifest: Manifest): Promise<string[]> {
  const problems: string[] = [];
  if (!manifest.database) return ['the database part is missing (pruned or never written)'];
  const file = path.join(dir, manifest.database.file);
  const size = await stat(file).then(
    (s) => s.size,
    () => -1,
  );
  if (size <= 0) problems.push(`${manifest.database.file} is missing or empty`);
  else if ((await fileSha256(file)) !== manifest.database.sha256)
    problems.push(`${manifest.database.file} checksum differs from the manifest`);
  if (manifest.database.tables.length === 0) problems.push('no tables were backed up');
  if (manifest.database.tables.every((table) => table.rows === 0))
    problems.push('every backed-up table is empty');
  if (manifest.migrations.length === 0) problems.push('the source has no migrations recorded');
  return problems;
}
