// The schema cache: what the REST layer may touch, read from pg_catalog. Every identifier in
// a request is checked against it before any SQL is built, as PostgREST does.
import type { Pool } from 'pg';

export interface Column {
  name: string;
  /** format_type() spelling, usable as a cast target, e.g. `timestamp with time zone`. */
  type: string;
  /** Base type spelling of arrays' elements / ranges etc. is not needed; only the category. */
  category: string;
  nullable: boolean;
  /** Default expression from the catalog (trusted SQL), used for `Prefer: missing=default`. */
  defaultExpr: string | null;
}

export interface Table {
  schema: string;
  name: string;
  isView: boolean;
  columns: Map<string, Column>;
  primaryKey: string[];
  /** Primary key and unique constraints: sets of columns that identify one row. */
  uniqueKeys: string[][];
}

/** A foreign key, seen from the referencing table. */
export interface ForeignKey {
  constraint: string;
  schema: string;
  table: string;
  columns: string[];
  foreignSchema: string;
  foreignTable: string;
  foreignColumns: string[];
}

export interface RoutineParam {
  name: string;
  type: string;
  hasDefault: boolean;
}

export interface Routine {
  schema: string;
  name: string;
  /** IN and INOUT parameters, in declaration order. */
  params: RoutineParam[];
  returnsSet: boolean;
  /** `void`, a scalar, or a row (table row type, composite type, OUT/TABLE params). */
  returnKind: 'void' | 'scalar' | 'composite';
  /** Columns of a row-returning function. */
  returnColumns: Column[];
  /** When the function returns a table's rows, that table (so embedding works on results). */
  returnTable: { schema: string; name: string } | null;
  volatility: 'i' | 's' | 'v';
}

export interface SchemaCache {
  schemas: string[];
  tables: Map<string, Table>;
  foreignKeys: ForeignKey[];
  routines: Map<string, Routine[]>;
}

/** Key of a table or routine in the cache maps. */
export function qualifiedKey(schema: string, name: string): string {
  return `${schema}.${name}`;
}

const TABLES_SQL = `
select n.nspname as schema, c.relname as name, c.relkind in ('v', 'm') as is_view
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1) and c.relkind in ('r', 'v', 'm', 'f', 'p')`;

const COLUMNS_SQL = `
select n.nspname as schema, c.relname as table, a.attname as name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
       t.typcategory as category,
       not a.attnotnull as nullable,
       case when a.attgenerated = '' then pg_catalog.pg_get_expr(d.adbin, d.adrelid) end as default_expr
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_type t on t.oid = a.atttypid
left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where n.nspname = any($1) and c.relkind in ('r', 'v', 'm', 'f', 'p', 'c')
  and a.attnum > 0 and not a.attisdropped
order by c.oid, a.attnum`;

const CONSTRAINTS_SQL = `
select con.conname as name, con.contype as kind,
       n.nspname as schema, c.relname as table,
       array(select a.attname from unnest(con.conkey) with ordinality k(num, i)
             join pg_catalog.pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num
             order by k.i)::text[] as columns,
       fn.nspname as foreign_schema, fc.relname as foreign_table,
       array(select a.attname from unnest(con.confkey) with ordinality k(num, i)
             join pg_catalog.pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num
             order by k.i)::text[] as foreign_columns
from pg_catalog.pg_constraint con
join pg_catalog.pg_class c on c.oid = con.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_class fc on fc.oid = con.confrelid
left join pg_catalog.pg_namespace fn on fn.oid = fc.relnamespace
where n.nspname = any($1) and con.contype in ('p', 'u', 'f')
order by con.conname`;

const ROUTINES_SQL = `
select n.nspname as schema, p.proname as name, p.proretset as returns_set, p.provolatile as volatility,
       p.pronargs as nargs, p.pronargdefaults as ndefaults,
       coalesce(p.proargnames, '{}')::text[] as arg_names,
       coalesce(p.proargmodes::text[], array_fill('i'::text, array[p.pronargs])) as arg_modes,
       array(select pg_catalog.format_type(t, null)
             from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) t) as arg_types,
       pg_catalog.format_type(p.prorettype, null) as return_type,
       rt.typtype as return_typtype, rt.typcategory as return_category,
       rc.relname as return_relation, rn.nspname as return_relation_schema, rc.relkind as return_relkind
from pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
join pg_catalog.pg_type rt on rt.oid = p.prorettype
left join pg_catalog.pg_class rc on rc.oid = rt.typrelid
left join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
where n.nspname = any($1) and p.prokind = 'f'`;

interface TableRow {
  schema: string;
  name: string;
  is_view: boolean;
}
interface ColumnRow {
  schema: string;
  table: string;
  name: string;
  type: string;
  category: string;
  nullable: boolean;
  default_expr: string | null;
}
interface ConstraintRow {
  name: string;
  kind: 'p' | 'u' | 'f';
  schema: string;
  table: string;
  columns: string[];
  foreign_schema: string | null;
  foreign_table: string | null;
  foreign_columns: string[];
}
interface RoutineRow {
  schema: string;
  name: string;
  returns_set: boolean;
  volatility: 'i' | 's' | 'v';
  nargs: number;
  ndefaults: number;
  arg_names: string[];
  arg_modes: string[];
  arg_types: string[];
  return_type: string;
  return_typtype: string;
  return_category: string;
  return_relation: string | null;
  return_relation_schema: string | null;
  return_relkind: string | null;
}

/** Reads tables, views, columns, keys, foreign keys and functions of `schemas`. */
export async function introspect(pool: Pool, schemas: string[]): Promise<SchemaCache> {
  const client = await pool.connect();
  try {
    // One snapshot, so a migration landing mid-read cannot give a half-old cache.
    await client.query('begin isolation level repeatable read read only');
    const tables = (await client.query<TableRow>(TABLES_SQL, [schemas])).rows;
    const columns = (await client.query<ColumnRow>(COLUMNS_SQL, [schemas])).rows;
    const constraints = (await client.query<ConstraintRow>(CONSTRAINTS_SQL, [schemas])).rows;
    const routines = (await client.query<RoutineRow>(ROUTINES_SQL, [schemas])).rows;
    await client.query('commit');
    return assemble(schemas, tables, columns, constraints, routines);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function assemble(
  schemas: string[],
  tableRows: TableRow[],
  columnRows: ColumnRow[],
  constraintRows: ConstraintRow[],
  routineRows: RoutineRow[],
): SchemaCache {
  const columnsByRelation = new Map<string, Column[]>();
  for (const row of columnRows) {
    const key = qualifiedKey(row.schema, row.table);
    const list = columnsByRelation.get(key) ?? [];
    list.push({
      name: row.name,
      type: row.type,
      category: row.category,
      nullable: row.nullable,
      defaultExpr: row.default_expr,
    });
    columnsByRelation.set(key, list);
  }

  const tables = new Map<string, Table>();
  for (const row of tableRows) {
    const key = qualifiedKey(row.schema, row.name);
    tables.set(key, {
      schema: row.schema,
      name: row.name,
      isView: row.is_view,
      columns: new Map((columnsByRelation.get(key) ?? []).map((c) => [c.name, c])),
      primaryKey: [],
      uniqueKeys: [],
    });
  }

  const foreignKeys: ForeignKey[] = [];
  for (const row of constraintRows) {
    const table = tables.get(qualifiedKey(row.schema, row.table));
    if (!table) continue;
    if (row.kind === 'p') table.primaryKey = row.columns;
    if (row.kind === 'p' || row.kind === 'u') table.uniqueKeys.push(row.columns);
    if (row.kind === 'f' && row.foreign_schema && row.foreign_table) {
      if (!tables.has(qualifiedKey(row.foreign_schema, row.foreign_table))) continue;
      foreignKeys.push({
        constraint: row.name,
        schema: row.schema,
        table: row.table,
        columns: row.columns,
        foreignSchema: row.foreign_schema,
        foreignTable: row.foreign_table,
        foreignColumns: row.foreign_columns,
      });
    }
  }

  const routines = new Map<string, Routine[]>();
  for (const row of routineRows) {
    const routine = toRoutine(row, columnsByRelation);
    const key = qualifiedKey(row.schema, row.name);
    routines.set(key, [...(routines.get(key) ?? []), routine]);
  }

  return { schemas, tables, foreignKeys, routines };
}

function toRoutine(row: RoutineRow, columnsByRelation: Map<string, Column[]>): Routine {
  const params: RoutineParam[] = [];
  const outColumns: Column[] = [];
  const firstDefaulted = row.nargs - row.ndefaults;
  let inIndex = 0;
  row.arg_types.forEach((type, i) => {
    const mode = row.arg_modes[i] ?? 'i';
    const name = row.arg_names[i] ?? '';
    if (mode === 'i' || mode === 'b' || mode === 'v') {
      params.push({ name, type, hasDefault: inIndex >= firstDefaulted });
      inIndex += 1;
    }
    if (mode === 'o' || mode === 'b' || mode === 't') {
      outColumns.push({ name, type, category: '', nullable: true, defaultExpr: null });
    }
  });

  let returnKind: Routine['returnKind'] = 'scalar';
  let returnColumns: Column[] = [];
  let returnTable: Routine['returnTable'] = null;
  if (row.return_type === 'void') returnKind = 'void';
  else if (row.return_relation && row.return_relation_schema) {
    returnKind = 'composite';
    returnColumns =
      columnsByRelation.get(qualifiedKey(row.return_relation_schema, row.return_relation)) ?? [];
    if (row.return_relkind !== 'c')
      returnTable = { schema: row.return_relation_schema, name: row.return_relation };
  } else if (
    outColumns.length > 0 &&
    (row.return_type === 'record' || row.arg_modes.includes('t'))
  ) {
    // `returns table (n int)` with one column reports the column's type, yet answers rows.
    returnKind = 'composite';
    returnColumns = outColumns;
  }
  return {
    schema: row.schema,
    name: row.name,
    params,
    returnsSet: row.returns_set,
    returnKind,
    returnColumns,
    returnTable,
    volatility: row.volatility,
  };
}
