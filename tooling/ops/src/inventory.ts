// What a backup holds and how a restore is checked: every backed-up table with its row count and
// a checksum of its rows, read inside one snapshot so the figures match the dump exactly.
import type { ClientBase } from 'pg';

/** Application schemas: backed up whole (data; their structure comes from the migrations). */
export const APP_SCHEMAS = ['public', 'private'] as const;

/**
 * Platform tables whose rows belong to the project. storage.objects is not among them: objects
 * are restored through the Storage API, which writes their rows itself (see storage-objects.ts).
 */
export const PLATFORM_TABLES = ['auth.users', 'auth.identities', 'storage.buckets'] as const;

export interface TableFigures {
  table: string;
  rows: number;
  /** md5 of the rows' text forms in sorted order; equal only when every row is equal. */
  checksum: string;
}

/** Schema-qualified names of every table a backup covers, in a stable order. */
export async function backedUpTables(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname = any($1::text[])
      order by 1`,
    [APP_SCHEMAS],
  );
  return [...PLATFORM_TABLES, ...rows.map((row) => row.name)];
}

/** Row count and checksum of each table (names must come from backedUpTables). */
export async function tableFigures(
  client: ClientBase,
  tables: readonly string[],
): Promise<TableFigures[]> {
  const figures: TableFigures[] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `select count(*)::text as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), md5('')) as checksum
         from ${table} t`,
    );
    figures.push({ table, rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum });
  }
  return figures;
}

/** Migration versions applied to a database, oldest first. */
export async function appliedMigrations(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ version: string }>(
    `select version from supabase_migrations.schema_migrations order by version`,
  );
  return rows.map((row) => row.version);
}

export interface StoredObject {
  bucket: string;
  name: string;
  contentType: string | null;
}

/** Every stored object, from storage.objects (the source of truth the API lists from). */
export async function storedObjects(client: ClientBase): Promise<StoredObject[]> {
  const { rows } = await client.query<{
    bucket_id: string;
    name: string;
    content_type: string | null;
  }>(
    `select bucket_id, name, metadata ->> 'mimetype' as content_type from storage.objects order by bucket_id, name`,
  );
  return rows.map((row) => ({
    bucket: row.bucket_id,
    name: row.name,
    contentType: row.content_type,
  }));
}

export interface Mismatch {
  table: string;
  expected: Omit<TableFigures, 'table'>;
  actual: Omit<TableFigures, 'table'> | null;
}

/** Tables whose figures differ between two inventories (or are missing from the second). */
export function compareFigures(
  expected: readonly TableFigures[],
  actual: readonly TableFigures[],
): Mismatch[] {
  const byTable = new Map(actual.map((figures) => [figures.table, figures]));
  const mismatches: Mismatch[] = [];
  for (const want of expected) {
    const got = byTable.get(want.table);
    if (!got || got.rows !== want.rows || got.checksum !== want.checksum) {
      mismatches.push({
        table: want.table,
        expected: { rows: want.rows, checksum: want.checksum },
        actual: got ? { rows: got.rows, checksum: got.checksum } : null,
      });
    }
  }
  return mismatches;
}
