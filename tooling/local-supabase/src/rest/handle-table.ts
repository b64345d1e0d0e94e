// GET/HEAD/POST/PATCH/DELETE on `/rest/v1/<table>`.
import type { PoolClient } from 'pg';
import { RestError } from './errors.ts';
import {
  appliedPreferences,
  parsePrefer,
  parseRange,
  requestSchema,
  responseShape,
  stripsNulls,
  type Preferences,
} from './headers.ts';
import { parseQuery, type ParsedQuery, type ResourceOptions } from './parse/query.ts';
import { parseSelect } from './parse/select.ts';
import {
  readStatement,
  inReadTransaction,
  inRequestTransaction,
  parseJsonBody,
  rollsBack,
  runStatement,
  txPreferenceApplies,
  type RestDeps,
  type RestRequest,
} from './request.ts';
import {
  contentRange,
  finalSql,
  JSON_TYPE,
  OBJECT_TYPE,
  requireOneRow,
  resultRow,
  shapedBody,
  type RestResponse,
  type ResultRow,
} from './response.ts';
import { qualifiedKey, type SchemaCache, type Table } from './schema-cache.ts';
import { deleteSql, insertRows, insertSql, updateSql, checkColumns } from './sql/mutate.ts';
import { Params } from './sql/params.ts';
import { buildCountSource, buildRead, tableSource, type RootSource } from './sql/read.ts';

/** The smallest of `limit`, the Range header's size and `[api] max_rows`. */
export function effectiveLimit(
  deps: RestDeps,
  ...limits: (number | null | undefined)[]
): number | null {
  const given = [...limits, deps.maxRows].filter((n): n is number => typeof n === 'number');
  return given.length > 0 ? Math.min(...given) : null;
}

function findTable(cache: SchemaCache, schema: string, name: string): Table {
  const table = cache.tables.get(qualifiedKey(schema, name));
  if (!table) {
    throw new RestError(
      404,
      'PGRST205',
      `Could not find the table '${schema}.${name}' in the schema cache`,
    );
  }
  return table;
}

/** Estimated row count from the planner (`Prefer: count=planned`). */
async function plannedCount(
  client: PoolClient,
  cache: SchemaCache,
  query: ParsedQuery,
  source: RootSource,
): Promise<number> {
  const params = new Params();
  const sql = buildCountSource(
    cache,
    query,
    source,
    { applyFilters: true, limit: null, offset: null },
    params,
  );
  const result = await client.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `explain (format json) ${sql}`,
    params.values,
  );
  return result.rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
}

function withPreferenceHeader(
  headers: Record<string, string>,
  prefs: Preferences,
): Record<string, string> {
  const applied = appliedPreferences(prefs);
  return applied === '' ? headers : { ...headers, 'preference-applied': applied };
}

/** Handles a request on a table or view. */
export async function handleTable(
  deps: RestDeps,
  request: RestRequest,
  name: string,
): Promise<RestResponse> {
  const method = request.method;
  if (method === 'GET' || method === 'HEAD')
    return read(deps, request, readPlan(deps, request, name));
  const schema = requestSchema(request.headers['content-profile'], deps.schemas);
  const table = findTable(deps.cache, schema, name);
  const query = parseQuery(request.search);
  const prefs = parsePrefer(request.headers.prefer);
  const shape = responseShape(request.headers.accept);
  if (method === 'POST' || method === 'PATCH' || method === 'DELETE') {
    return mutate(deps, request, { schema, table, query, prefs, shape });
  }
  throw new RestError(405, 'PGRST117', `Unsupported HTTP method: ${method}`);
}

interface TableRequest {
  schema: string;
  table: Table;
  query: ParsedQuery;
  prefs: Preferences;
  shape: 'array' | 'object';
}

/** What a read does, derived from its table, query string and headers alone (not its caller). */
interface ReadPlan extends TableRequest {
  source: RootSource;
  /** The one statement; values stay bound parameters. */
  sql: string;
  values: readonly unknown[];
  offset: number;
  /** Response headers that do not depend on the rows. */
  headers: Record<string, string>;
}

/** Builds, or finds among the plans built before, the read a request asks for. */
function readPlan(deps: RestDeps, request: RestRequest, name: string): ReadPlan {
  const { headers } = request;
  const key = [
    name,
    request.search.toString(),
    headers['accept-profile'],
    headers.accept,
    headers.prefer,
    headers.range,
  ].join('\u0000');
  let plans = readPlans.get(deps.cache);
  if (!plans) {
    plans = new Map();
    readPlans.set(deps.cache, plans);
  }
  const known = plans.get(key);
  if (known) return known;
  const plan = buildReadPlan(deps, request, name);
  if (plans.size >= MAX_READ_PLANS) plans.clear();
  plans.set(key, plan);
  return plan;
}

/**
 * Reads already planned, per schema cache (a reload replaces the cache, and its plans go with
 * it): reads repeat, and parsing their query string and building their SQL is gateway CPU.
 */
const readPlans = new WeakMap<SchemaCache, Map<string, ReadPlan>>();
const MAX_READ_PLANS = 2000;

function buildReadPlan(deps: RestDeps, request: RestRequest, name: string): ReadPlan {
  const schema = requestSchema(request.headers['accept-profile'], deps.schemas);
  const table = findTable(deps.cache, schema, name);
  const query = parseQuery(request.search);
  const prefs = parsePrefer(request.headers.prefer);
  const shape = responseShape(request.headers.accept);
  const rootOptions = query.resources.get('');
  const range = parseRange(request.headers.range);
  const offset = rootOptions?.offset ?? range?.offset ?? 0;
  const limit = effectiveLimit(deps, rootOptions?.limit, range?.limit);
  const params = new Params();
  const source = tableSource(table);
  const built = buildRead(
    deps.cache,
    query,
    source,
    { applyFilters: true, limit, offset },
    params,
    prefs.count === 'exact' || prefs.count === 'estimated',
  );
  const sql = finalSql({
    mutation: null,
    read: built.sql,
    total: built.countSql === null ? null : `(${built.countSql})`,
    stripNulls: stripsNulls(request.headers.accept),
  });
  const headers = withPreferenceHeader(
    {
      'content-type': shape === 'object' ? OBJECT_TYPE : JSON_TYPE,
      'range-unit': 'items',
    },
    {
      ...prefs,
      return: null,
      resolution: null,
      missing: null,
      tx: null,
      handling: null,
      maxAffected: null,
    },
  );
  return {
    schema,
    table,
    query,
    prefs,
    shape,
    source,
    sql,
    values: params.values,
    offset,
    headers,
  };
}

async function read(deps: RestDeps, request: RestRequest, plan: ReadPlan): Promise<RestResponse> {
  const { query, prefs, shape, source, sql, offset } = plan;
  const values = [...plan.values];
  // Planned counts need a second statement; every other read is one (begin, set-up, query and
  // commit then travel together).
  const row =
    prefs.count === 'planned'
      ? await inReadTransaction(deps, request, plan.schema, async (client) => {
          const first = (await runStatement<ResultRow>(deps, client, sql, values)).rows[0];
          if (!first) throw new Error('the read query returned no row');
          return {
            ...first,
            total: String(await plannedCount(client, deps.cache, query, source)),
          };
        })
      : resultRow((await readStatement(deps, request, plan.schema, sql, values))[0]);
  const total = row.total === null ? null : Number(row.total);
  const page = Number(row.page);
  if (total !== null && page === 0 && offset > 0 && offset >= total && prefs.count !== 'planned') {
    throw new RestError(416, 'PGRST103', 'Requested range not satisfiable', {
      details: `An offset of ${offset} was requested, but there are only ${total} rows.`,
      headers: { 'content-range': `*/${total}` },
    });
  }
  const body = shapedBody(row, shape);
  const partial = total !== null && shape === 'array' && (offset > 0 || page < total);
  return {
    status: partial ? 206 : 200,
    headers: { ...plan.headers, 'content-range': contentRange(offset, page, total) },
    body: request.method === 'HEAD' ? null : body,
  };
}

async function mutate(
  deps: RestDeps,
  request: RestRequest,
  target: TableRequest,
): Promise<RestResponse> {
  const { table, query, prefs, shape } = target;
  const method = request.method;
  const root = query.resources.get('');
  if (
    method !== 'POST' &&
    root &&
    (root.limit !== null || root.offset !== null || root.order.length > 0)
  ) {
    throw new RestError(
      400,
      'PGRST100',
      `limit, offset and order are not supported on ${method} by this server`,
    );
  }
  const returnMode = prefs.return ?? 'minimal';
  const returning = returnMode !== 'minimal';
  const params = new Params();
  let mutation: string | null;
  let status: number;

  if (method === 'POST') {
    const body = parseJsonBody(request.body, undefined);
    if (body === undefined) throw new RestError(400, 'PGRST102', 'Empty or invalid json');
    const { rows, columns } = insertRows(table, body, query.columns);
    let upsert: { onConflict: string[]; resolution: 'merge' | 'ignore' } | null = null;
    if (prefs.resolution !== null) {
      const onConflict = query.onConflict ?? table.primaryKey;
      if (onConflict.length === 0) {
        throw new RestError(
          400,
          'PGRST100',
          `'${table.name}' has no primary key: set on_conflict to a unique column list`,
        );
      }
      checkColumns(table, onConflict);
      upsert = {
        onConflict,
        resolution: prefs.resolution === 'ignore-duplicates' ? 'ignore' : 'merge',
      };
    } else if (query.onConflict !== null) {
      checkColumns(table, query.onConflict);
    }
    mutation =
      rows.length === 0
        ? null
        : insertSql(
            {
              table,
              rows,
              columns,
              missingDefault: prefs.missing === 'default',
              upsert,
              returning,
            },
            params,
          );
    status = 201;
  } else if (method === 'PATCH') {
    requireFilter(root, 'UPDATE');
    const body = parseJsonBody(request.body, undefined);
    if (body === undefined) throw new RestError(400, 'PGRST102', 'Empty or invalid json');
    mutation = updateSql(table, body, root?.conditions ?? [], returning, params);
    status = returnMode === 'representation' ? 200 : 204;
  } else {
    requireFilter(root, 'DELETE');
    mutation = deleteSql(table, root?.conditions ?? [], returning, params);
    status = returnMode === 'representation' ? 200 : 204;
  }

  // With headers-only, only the primary key is read back (for `Location`).
  const readQuery: ParsedQuery =
    returnMode === 'headers-only'
      ? { ...query, select: parseSelect(table.primaryKey.map((c) => `"${c}"`).join(',') || '*') }
      : query;
  const source: RootSource = { ...tableSource(table), from: 'pgrst_source' };
  const built = returning
    ? buildRead(
        deps.cache,
        readQuery,
        source,
        { applyFilters: false, limit: null, offset: null },
        params,
        false,
      )
    : null;
  const rollback = rollsBack(deps, prefs.tx);

  return inRequestTransaction(
    deps,
    request,
    { readOnly: false, schema: target.schema, rollback },
    async (client) => {
      let page = 0;
      let body: string | null = null;
      if (mutation !== null && built !== null) {
        const sql = finalSql({
          mutation,
          read: built.sql,
          total: '(select count(*) from pgrst_source)',
          stripNulls: stripsNulls(request.headers.accept),
        });
        const row = (await runStatement<ResultRow>(deps, client, sql, params.values)).rows[0];
        if (!row) throw new Error('the mutation query returned no row');
        page = Number(row.total);
        body = returnMode === 'representation' ? shapedBody(row, shape) : row.body;
      } else if (mutation !== null) {
        page = (await runStatement(deps, client, mutation, params.values)).rowCount ?? 0;
        if (shape === 'object') requireOneRow(page);
      } else {
        if (shape === 'object') requireOneRow(0);
        body = '[]';
      }
      if (
        prefs.handling === 'strict' &&
        prefs.maxAffected !== null &&
        method !== 'POST' &&
        page > prefs.maxAffected
      ) {
        throw new RestError(
          400,
          'PGRST124',
          'Query result exceeds max-affected preference constraint',
          {
            details: `The query affects ${page} rows`,
          },
        );
      }
      // PostgREST answers writes with `*/<affected>` when a count was asked for, else `*/*`.
      const headers: Record<string, string> = {
        'content-range': `*/${prefs.count === null ? '*' : page}`,
      };
      if (returnMode === 'headers-only' && body !== null) {
        const location = locationOf(table, body);
        if (location) headers.location = location;
        body = null;
      }
      if (returnMode !== 'representation') body = null;
      if (body !== null) headers['content-type'] = shape === 'object' ? OBJECT_TYPE : JSON_TYPE;
      return {
        status: body === null && status === 200 ? 204 : status,
        headers: withPreferenceHeader(headers, {
          ...prefs,
          tx: txPreferenceApplies(deps) ? prefs.tx : null,
        }),
        body,
      };
    },
  );
}

/**
 * Hosted Supabase loads pg-safeupdate for the API's connections: an UPDATE or DELETE without a
 * WHERE clause fails with 21000, which PostgREST answers with 400. Any filter satisfies it.
 */
function requireFilter(root: ResourceOptions | undefined, statement: 'UPDATE' | 'DELETE'): void {
  if (root && root.conditions.length > 0) return;
  throw new RestError(400, '21000', `${statement} requires a WHERE clause`);
}

/** `Location: /todos?id=eq.1` from the primary key of the first written row. */
function locationOf(table: Table, body: string): string | null {
  if (table.primaryKey.length === 0) return null;
  const rows = JSON.parse(body) as Record<string, unknown>[];
  const first = rows[0];
  if (!first) return null;
  const filters = table.primaryKey.map(
    (column) => `${encodeURIComponent(column)}=eq.${encodeURIComponent(String(first[column]))}`,
  );
  return `/${table.name}?${filters.join('&')}`;
}
