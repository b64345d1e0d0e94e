// Bootstrap, migrations and seed, applied the way the Supabase CLI does: migrations in file-name
// order, each in its own transaction, recorded in supabase_migrations.schema_migrations so only
// new files apply on the next start.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClientBase, DatabaseError } from 'pg';

const BOOTSTRAP_FILE = new URL('./bootstrap.sql', import.meta.url);
const MIGRATION_NAME = /^(\d+)_(.*)\.sql$/;

export interface Migration {
  version: string;
  name: string;
  file: string;
  sql: string;
}

/** A migration, seed or bootstrap file that PostgreSQL rejected; the message names file, line and error. */
export class SqlFileError extends Error {
  constructor(
    readonly file: string,
    cause: Error,
    sql: string,
  ) {
    const pgError = cause as Partial<DatabaseError>;
    const line = pgError.position
      ? sql.slice(0, Number(pgError.position)).split('\n').length
      : undefined;
    const where = line ? ` (line ${line})` : '';
    const code = pgError.code ? ` [${pgError.code}]` : '';
    super(`${file}${where}: ${cause.message}${code}`, { cause });
    this.name = 'SqlFileError';
  }
}

export function bootstrapSql(): Promise<string> {
  return readFile(BOOTSTRAP_FILE, 'utf8');
}

/** The project's migrations in the order they apply (file name = `<version>_<name>.sql`). */
export async function listMigrations(projectRoot: string): Promise<Migration[]> {
  const dir = path.join(projectRoot, 'supabase', 'migrations');
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((file) => MIGRATION_NAME.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const [, version = '', name = ''] = MIGRATION_NAME.exec(file) ?? [];
      return {
        version,
        name,
        file: path.join(dir, file),
        sql: await readFile(path.join(dir, file), 'utf8'),
      };
    }),
  );
}

export function seedFile(projectRoot: string): string {
  return path.join(projectRoot, 'supabase', 'seed.sql');
}

/**
 * A fingerprint of everything that shapes a fresh database: the PostgreSQL build, our bootstrap,
 * every migration and the seed. Equal fingerprints → identical new clusters, so one can be copied.
 */
export async function databaseFingerprint(
  projectRoot: string,
  postgresVersion: string,
): Promise<string> {
  const hash = createHash('sha256');
  hash
    .update(postgresVersion)
    .update('\0')
    .update(await bootstrapSql());
  for (const migration of await listMigrations(projectRoot)) {
    hash.update('\0').update(path.basename(migration.file)).update('\0').update(migration.sql);
  }
  const seed = seedFile(projectRoot);
  if (existsSync(seed)) hash.update('\0seed\0').update(await readFile(seed, 'utf8'));
  return hash.digest('hex').slice(0, 16);
}

async function runInTransaction(
  client: ClientBase,
  file: string,
  sql: string,
  after?: () => Promise<void>,
) {
  await client.query('begin');
  try {
    await client.query(sql);
    await after?.();
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw new SqlFileError(file, error as Error, sql);
  }
}

/**
 * Creates or updates the roles, schemas and functions hosted Supabase has. Idempotent, but skipped
 * when this exact bootstrap already ran (its hash is kept as the comment of the
 * supabase_migrations schema): faster warm starts, and project migrations that later replaced
 * a bootstrap object are not overwritten on every start.
 */
export async function applyBootstrap(client: ClientBase): Promise<void> {
  const sql = await bootstrapSql();
  const marker = `local-supabase bootstrap ${createHash('sha256').update(sql).digest('hex').slice(0, 16)}`;
  const { rows } = await client.query<{ comment: string | null }>(
    `select obj_description(oid, 'pg_namespace') as comment from pg_namespace where nspname = 'supabase_migrations'`,
  );
  if (rows[0]?.comment === marker) return;
  await runInTransaction(client, 'bootstrap.sql', sql, async () => {
    await client.query(`comment on schema supabase_migrations is '${marker}'`);
  });
}

/** Applies migrations not yet recorded; returns the file names applied. Stops at the first failure. */
export async function applyMigrations(client: ClientBase, projectRoot: string): Promise<string[]> {
  const { rows } = await client.query<{ version: string }>(
    'select version from supabase_migrations.schema_migrations',
  );
  const applied = new Set(rows.map((row) => row.version));
  const done: string[] = [];
  for (const migration of await listMigrations(projectRoot)) {
    if (applied.has(migration.version)) continue;
    const file = path.relative(projectRoot, migration.file);
    await runInTransaction(client, file, migration.sql, async () => {
      await client.query(
        'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
        [migration.version, migration.name, [migration.sql]],
      );
    });
    done.push(path.basename(migration.file));
  }
  return done;
}

/** Runs supabase/seed.sql when present; returns whether it ran. */
export async function applySeed(client: ClientBase, projectRoot: string): Promise<boolean> {
  const file = seedFile(projectRoot);
  if (!existsSync(file)) return false;
  await runInTransaction(client, path.relative(projectRoot, file), await readFile(file, 'utf8'));
  return true;
}
