// `/rest/v1/rpc/<fn>`: POST with JSON arguments, GET/HEAD with query arguments. Row-returning
// functions go through the same select/filter/order machinery as tables.
import { RestError } from './errors.ts';
import { effectiveLimit } from './handle-table.ts';
import { parsePrefer, parseRange, requestSchema, responseShape, stripsNulls } from './headers.ts';
import { parseQuery } from './parse/query.ts';
import {
  inRequestTransaction,
  parseJsonBody,
  runStatement,
  type RestDeps,
  type RestRequest,
  rollsBack,
} from './request.ts';
import {
  contentRange,
  finalSql,
  JSON_TYPE,
  OBJECT_TYPE,
  shapedBody,
  singleBody,
  type RestResponse,
  type ResultRow,
} from './response.ts';
import { qualifiedKey } from './schema-cache.ts';
import { Params } from './sql/params.ts';
import { buildRead, type RootSource } from './sql/read.ts';
import { resolveRoutine, routineCall, routineParamNames } from './sql/rpc.ts';

/** Handles a function call. */
export async function handleRpc(
  deps: RestDeps,
  request: RestRequest,
  name: string,
): Promise<RestResponse> {
  const method = request.method;
  const isRead = method === 'GET' || method === 'HEAD';
  if (!isRead && method !== 'POST')
    throw new RestError(405, 'PGRST117', `Unsupported HTTP method: ${method}`);
  const schema = requestSchema(
    isRead ? request.headers['accept-profile'] : request.headers['content-profile'],
    deps.schemas,
  );
  const query = parseQuery(
    request.search,
    isRead ? routineParamNames(deps.cache, schema, name) : new Set(),
  );
  const prefs = parsePrefer(request.headers.prefer);
  const shape = responseShape(request.headers.accept);

  let args: Record<string, unknown>;
  let wholeBody: unknown;
  if (isRead) {
    args = Object.fromEntries(query.args);
    wholeBody = args;
  } else {
    wholeBody = parseJsonBody(request.body, {});
    args =
      typeof wholeBody === 'object' && wholeBody !== null && !Array.isArray(wholeBody)
        ? (wholeBody as Record<string, unknown>)
        : {};
  }
  const routine = resolveRoutine(deps.cache, schema, name, Object.keys(args));
  const params = new Params();
  const call = routineCall(routine, args, wholeBody, params);
  const readOnly = isRead || routine.volatility !== 'v';
  const bodiless = method === 'HEAD' || prefs.return === 'minimal';

  let sql: string;
  let offset = 0;
  let kind: 'void' | 'value' | 'rows';
  if (routine.returnKind === 'composite') {
    const root = query.resources.get('');
    const range = parseRange(request.headers.range);
    offset = root?.offset ?? range?.offset ?? 0;
    const returnTable = routine.returnTable
      ? deps.cache.tables.get(qualifiedKey(routine.returnTable.schema, routine.returnTable.name))
      : undefined;
    const source: RootSource = {
      prefix: call.argsFrom === null ? '' : `${call.argsFrom} cross join lateral `,
      from: call.call,
      relationName: routine.name,
      columns: new Map(routine.returnColumns.map((column) => [column.name, column])),
      table: returnTable ?? null,
    };
    const built = buildRead(
      deps.cache,
      query,
      source,
      { applyFilters: true, limit: effectiveLimit(deps, root?.limit, range?.limit), offset },
      params,
      prefs.count !== null,
    );
    sql = finalSql({
      mutation: null,
      read: built.sql,
      total: built.countSql === null ? null : `(${built.countSql})`,
      stripNulls: stripsNulls(request.headers.accept),
    });
    kind = 'rows';
  } else if (routine.returnKind === 'void' || !routine.returnsSet) {
    const from = call.argsFrom === null ? '' : ` from ${call.argsFrom}`;
    sql =
      routine.returnKind === 'void'
        ? `select null as total, 1 as page, (select (${call.call})::text${from}) as body`
        : `select null as total, 1 as page, (select to_json(${call.call})::text${from}) as body`;
    kind = routine.returnKind === 'void' ? 'void' : 'value';
  } else {
    const from = call.argsFrom === null ? '' : `${call.argsFrom} cross join lateral `;
    sql =
      `select null as total, count(*) as page, coalesce(json_agg(pgrst_set.pgrst_value), '[]')::text as body ` +
      `from ${from}${call.call} as pgrst_set(pgrst_value)`;
    kind = 'rows';
  }

  return inRequestTransaction(
    deps,
    request,
    { readOnly, schema, rollback: !readOnly && rollsBack(deps, prefs.tx) },
    async (client) => {
      const row = (await runStatement<ResultRow>(deps, client, sql, params.values)).rows[0];
      if (!row) throw new Error('the rpc query returned no row');
      if (kind === 'void') return { status: 204, headers: {}, body: null };
      const page = Number(row.page);
      const total = row.total === null ? null : Number(row.total);
      let body: string;
      if (kind === 'value') body = row.body;
      else if (!routine.returnsSet) body = page === 0 ? 'null' : singleBody(row);
      else body = shapedBody(row, shape);
      const headers: Record<string, string> = {
        'content-type': shape === 'object' && routine.returnsSet ? OBJECT_TYPE : JSON_TYPE,
      };
      if (kind === 'rows') headers['content-range'] = contentRange(offset, page, total);
      const partial =
        kind === 'rows' && routine.returnsSet && total !== null && (offset > 0 || page < total);
      const status = bodiless && method === 'POST' ? 204 : partial ? 206 : 200;
      return { status, headers, body: bodiless ? null : body };
    },
  );
}
