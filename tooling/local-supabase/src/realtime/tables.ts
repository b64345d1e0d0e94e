// What the Realtime service knows about each published table: column names and types (sent to
// clients in `columns`), primary key (for the per-subscriber RLS check and `old_record`), whether
// RLS is on and the replica identity (which decide how much of the old row a client may see).
import type { Pool } from 'pg';

export interface TableColumn {
  name: string;
  /** pg_type.typname as realtime-js expects it ("int4", "text", "_int4" for arrays). */
  type: string;
  /** format_type() output, usable in a cast ("character varying(20)"). */
  sqlType: string;
}

export interface PublishedTable {
  schema: string;
  table: string;
  /** Quoted, schema-qualified name, safe to splice into SQL. */
  qualifiedName: string;
  columns: TableColumn[];
  primaryKey: string[];
  rlsEnabled: boolean;
  replicaIdentityFull: boolean;
}

const PUBLISHED_TABLES_SQL = `
  select n.nspname as schema,
         c.relname as table,
         format('%I.%I', n.nspname, c.relname) as qualified_name,
         c.relrowsecurity as rls_enabled,
         c.relreplident = 'f' as replica_identity_full,
         coalesce((
           select json_agg(json_build_object('name', a.attname, 'type', t.typname,
                                             'sqlType', format_type(a.atttypid, a.atttypmod))
                           order by a.attnum)
           from pg_catalog.pg_attribute a
           join pg_catalog.pg_type t on t.oid = a.atttypid
           where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
         ), '[]') as columns,
         coalesce((
           select json_agg(a.attname order by k.ord)
           from pg_catalog.pg_index i
           cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
           join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
           where i.indrelid = c.oid and i.indisprimary
         ), '[]') as primary_key
  from pg_catalog.pg_publication_tables p
  join pg_catalog.pg_namespace n on n.nspname = p.schemaname
  join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = p.tablename
  where p.pubname = 'supabase_realtime'`;

interface PublishedTableRow {
  schema: string;
  table: string;
  qualified_name: string;
  rls_enabled: boolean;
  replica_identity_full: boolean;
  columns: TableColumn[];
  primary_key: string[];
}

/** Reads every table of the `supabase_realtime` publication, keyed by `schema.table`. */
export async function loadPublishedTables(pool: Pool): Promise<Map<string, PublishedTable>> {
  const { rows } = await pool.query<PublishedTableRow>(PUBLISHED_TABLES_SQL);
  return new Map(
    rows.map((row) => [
      tableKey(row.schema, row.table),
      {
        schema: row.schema,
        table: row.table,
        qualifiedName: row.qualified_name,
        columns: row.columns,
        primaryKey: row.primary_key,
        rlsEnabled: row.rls_enabled,
        replicaIdentityFull: row.replica_identity_full,
      },
    ]),
  );
}

export function tableKey(schema: string, table: string): string {
  return `${schema}.${table}`;
}

/** Double-quotes an identifier for SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
