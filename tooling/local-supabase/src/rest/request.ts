// What every REST handler receives, independent of the HTTP framework.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import type { RequestAuth } from '../context.ts';
import { readInRequest, type TextRow } from '../db/request-read.ts';
import { withRequestTransaction, type RequestScope } from '../db/request-transaction.ts';
import type { ApiSettings } from '../context.ts';
import { RestError } from './errors.ts';
import type { RestResponse } from './response.ts';
import type { RoleSettings } from './role-settings.ts';
import type { SchemaCache } from './schema-cache.ts';

export interface RestRequest {
  method: string;
  /** Path below `/rest/v1`, e.g. `/todos`. */
  path: string;
  search: URLSearchParams;
  /** Lower-cased header names. */
  headers: Readonly<Record<string, string>>;
  /** Raw body text (POST/PATCH), null when none was sent. */
  body: string | null;
  auth: RequestAuth;
}

export interface RestDeps {
  cache: SchemaCache;
  pool: Pool;
  /** Exposed schemas (config.toml `[api] schemas`); the first is the default profile. */
  schemas: string[];
  /** `[api] max_rows`: no read returns more rows; null for no cap. */
  maxRows: number | null;
  /** Bumped on schema reload so statements prepared against the old schema are not reused. */
  generation: number;
  /** Each role's own settings (statement_timeout…), applied per request. */
  roleSettings: RoleSettings;
  /** `db-tx-end`: whether `Prefer: tx=` may override how a write ends. */
  txEnd: NonNullable<ApiSettings['txEnd']>;
}

/**
 * Runs `sql` as a named prepared statement, as PostgREST does: a request shape is parsed and
 * planned once per connection instead of on every request. Values stay bound parameters.
 */
export function runStatement<R extends QueryResultRow>(
  deps: RestDeps,
  client: PoolClient,
  sql: string,
  values: unknown[],
): Promise<QueryResult<R>> {
  return client.query<R>({ name: statementName(deps, sql), text: sql, values });
}

/** The prepared statement's name for `sql` (per schema generation). */
function statementName(deps: RestDeps, sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `pgrst_${createHash('sha1').update(sql).digest('base64url')}`;
    if (statementNames.size >= MAX_REMEMBERED_NAMES) statementNames.clear();
    statementNames.set(sql, name);
  }
  return `${name}_${deps.generation}`;
}

/** SQL text → statement name: hashing every request's SQL showed up in the per-request CPU. */
const statementNames = new Map<string, string>();
const MAX_REMEMBERED_NAMES = 2000;

/** Whether a write commits (PostgREST's db-tx-end, with `Prefer: tx=` when it may override). */
export function rollsBack(deps: RestDeps, preference: 'commit' | 'rollback' | null): boolean {
  switch (deps.txEnd) {
    case 'commit':
      return false;
    case 'rollback':
      return true;
    case 'commit-allow-override':
      return preference === 'rollback';
    case 'rollback-allow-override':
      return preference !== 'commit';
  }
}

/** True when `Prefer: tx=` was honoured (and so belongs in Preference-Applied). */
export function txPreferenceApplies(deps: RestDeps): boolean {
  return deps.txEnd.endsWith('-allow-override');
}

/** Parses a JSON body; 400 PGRST102 when it is not JSON. */
export function parseJsonBody(text: string | null, emptyValue: unknown): unknown {
  if (text === null || text.trim() === '') return emptyValue;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RestError(400, 'PGRST102', 'Empty or invalid json', {
      details: error instanceof Error ? error.message : null,
    });
  }
}

/** Thrown to roll back (`Prefer: tx=rollback`) while still answering with `response`. */
class RollbackWith extends Error {
  constructor(readonly response: RestResponse) {
    super('rolled back on request');
  }
}

function requestScope(
  deps: RestDeps,
  request: RestRequest,
  options: { readOnly: boolean; schema: string },
): RequestScope {
  return {
    auth: request.auth,
    method: request.method,
    path: request.path,
    headers: request.headers,
    readOnly: options.readOnly,
    searchPath:
      options.schema === 'public'
        ? 'public, extensions'
        : `"${options.schema.replaceAll('"', '""')}", public, extensions`,
    roleSettings: deps.roleSettings.get(request.auth.role),
    claimsJson: claimsJson(request.auth),
  };
}

/**
 * The request's claims as the set-up sends them. REST's callers come from `requireRequestAuth`,
 * whose claims object is the verified token's, the same (frozen) object on every request with
 * that token, so the JSON is kept per claims object instead of serialised per request.
 */
function claimsJson(auth: RequestAuth): string {
  const known = claimsJsonByClaims.get(auth.claims);
  if (known !== undefined && known.role === auth.role) return known.json;
  const json = JSON.stringify({ ...auth.claims, role: auth.role });
  // Only frozen claims cannot change behind the cached JSON.
  if (Object.isFrozen(auth.claims)) claimsJsonByClaims.set(auth.claims, { role: auth.role, json });
  return json;
}

const claimsJsonByClaims = new WeakMap<object, { role: string; json: string }>();

/** Runs a read's one statement, prepared, as the request's role, read-only; its rows. */
export function readStatement(
  deps: RestDeps,
  request: RestRequest,
  schema: string,
  sql: string,
  values: readonly unknown[],
): Promise<TextRow[]> {
  return readInRequest(deps.pool, requestScope(deps, request, { readOnly: true, schema }), {
    name: statementName(deps, sql),
    text: sql,
    values,
  });
}

/** Runs several read statements in one read-only request transaction. */
export function inReadTransaction<T>(
  deps: RestDeps,
  request: RestRequest,
  schema: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  return withRequestTransaction(
    deps.pool,
    requestScope(deps, request, { readOnly: true, schema }),
    work,
  );
}

/** Runs `work` in the request's transaction as its role; rolls back when `rollback` is set. */
export async function inRequestTransaction(
  deps: RestDeps,
  request: RestRequest,
  options: { readOnly: boolean; schema: string; rollback: boolean },
  work: (client: PoolClient) => Promise<RestResponse>,
): Promise<RestResponse> {
  try {
    return await withRequestTransaction(
      deps.pool,
      requestScope(deps, request, options),
      async (client) => {
        const response = await work(client);
        if (options.rollback) throw new RollbackWith(response);
        return response;
      },
    );
  } catch (error) {
    if (error instanceof RollbackWith) return error.response;
    throw error;
  }
}
