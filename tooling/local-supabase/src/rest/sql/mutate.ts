// INSERT / UPSERT / UPDATE / DELETE statements. Bodies travel as one bound JSON parameter and
// are turned into rows by json_populate_record(set), so PostgreSQL does every type conversion.
import { RestError } from '../errors.ts';
import type { Condition } from '../parse/filter.ts';
import type { Table } from '../schema-cache.ts';
import { conditionSql, type Scope } from './conditions.ts';
import { ident, qualified, type Params } from './params.ts';

const TARGET = 'pgrst_target';

export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidBody(message: string): RestError {
  return new RestError(400, 'PGRST102', message);
}

function unknownPayloadColumn(table: Table, column: string): RestError {
  return new RestError(
    400,
    'PGRST204',
    `Could not find the '${column}' column of '${table.name}' in the schema cache`,
  );
}

/** Checks that every name is a column of `table`. */
export function checkColumns(table: Table, names: string[]): void {
  for (const name of names) if (!table.columns.has(name)) throw unknownPayloadColumn(table, name);
}

/** Normalises an insert body to rows and the columns to write. */
export function insertRows(
  table: Table,
  body: unknown,
  columnsParam: string[] | null,
): { rows: JsonObject[]; columns: string[] } {
  const rows = Array.isArray(body) ? body : [body];
  if (!rows.every(isObject))
    throw invalidBody('Invalid body: expected a JSON object or an array of JSON objects');
  let columns = columnsParam;
  if (columns === null) {
    const seen = new Set<string>();
    for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
    columns = [...seen];
  }
  checkColumns(table, columns);
  return { rows, columns };
}

export interface InsertOptions {
  table: Table;
  rows: JsonObject[];
  columns: string[];
  missingDefault: boolean;
  upsert: { onConflict: string[]; resolution: 'merge' | 'ignore' } | null;
  returning: boolean;
}

/** `insert ... select from json_populate_recordset(...) [on conflict ...] [returning *]` */
export function insertSql(options: InsertOptions, params: Params): string {
  const { table, columns } = options;
  const target = qualified(table.schema, table.name);
  const body = params.add(JSON.stringify(options.rows));
  let sql: string;
  if (columns.length === 0) {
    // `[{}]`: every column takes its default.
    sql = `insert into ${target} as ${TARGET} select from json_array_elements(${body}::json)`;
  } else if (options.missingDefault) {
    const values = columns.map((name) => {
      const fallback = table.columns.get(name)?.defaultExpr ?? 'null';
      return `case when pgrst_body.value::jsonb ? ${params.add(name)}::text then pgrst_rec.${ident(name)} else ${fallback} end`;
    });
    sql =
      `insert into ${target} as ${TARGET} (${columns.map(ident).join(', ')}) ` +
      `select ${values.join(', ')} from json_array_elements(${body}::json) as pgrst_body(value) ` +
      `cross join lateral json_populate_record(null::${target}, pgrst_body.value) as pgrst_rec`;
  } else {
    sql =
      `insert into ${target} as ${TARGET} (${columns.map(ident).join(', ')}) ` +
      `select ${columns.map((name) => `pgrst_rec.${ident(name)}`).join(', ')} ` +
      `from json_populate_recordset(null::${target}, ${body}::json) as pgrst_rec`;
  }
  if (options.upsert) {
    const conflict = options.upsert.onConflict.map(ident).join(', ');
    if (options.upsert.resolution === 'ignore' || columns.length === 0) {
      sql += ` on conflict (${conflict}) do nothing`;
    } else {
      sql += ` on conflict (${conflict}) do update set ${columns
        .map((name) => `${ident(name)} = excluded.${ident(name)}`)
        .join(', ')}`;
    }
  }
  if (options.returning) sql += ` returning ${TARGET}.*`;
  return sql;
}

function targetScope(table: Table): Scope {
  return { alias: TARGET, relationName: table.name, columns: table.columns };
}

function whereSql(table: Table, conditions: Condition[], params: Params): string {
  const scope = targetScope(table);
  const parts = conditions.map((condition) => conditionSql(condition, scope, params));
  return parts.length > 0 ? ` where ${parts.join(' and ')}` : '';
}

/** `update ... set col = body.col ... where <filters> [returning *]`; body must be an object. */
export function updateSql(
  table: Table,
  body: unknown,
  conditions: Condition[],
  returning: boolean,
  params: Params,
): string | null {
  if (!isObject(body)) throw invalidBody('Invalid body: PATCH expects a JSON object');
  const columns = Object.keys(body);
  checkColumns(table, columns);
  if (columns.length === 0) return null;
  const target = qualified(table.schema, table.name);
  const record = params.add(JSON.stringify(body));
  let sql =
    `update ${target} as ${TARGET} set ${columns.map((name) => `${ident(name)} = pgrst_rec.${ident(name)}`).join(', ')} ` +
    `from json_populate_record(null::${target}, ${record}::json) as pgrst_rec`;
  sql += whereSql(table, conditions, params);
  if (returning) sql += ` returning ${TARGET}.*`;
  return sql;
}

/** `delete ... where <filters> [returning *]` */
export function deleteSql(
  table: Table,
  conditions: Condition[],
  returning: boolean,
  params: Params,
): string {
  let sql = `delete from ${qualified(table.schema, table.name)} as ${TARGET}`;
  sql += whereSql(table, conditions, params);
  if (returning) sql += ` returning ${TARGET}.*`;
  return sql;
}
