// What every REST handler receives, independent of the HTTP framework.
import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import type { RequestAuth } from '../context.ts';
import { withRequestTransaction } from '../db/request-transaction.ts';
import { RestError } from './errors.ts';
import type { RestResponse } from './response.ts';
import type { SchemaCache } from './schema-cache.ts';

export interface RestRequest {
  method: string;
  /** Path below `/rest/v1`, e.g. `/todos`. */
  path: string;
  search: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
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
  const name = `pgrst_${deps.generation}_${createHash('sha1').update(sql).digest('base64url')}`;
  return client.query<R>({ name, text: sql, values });
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
      {
        auth: request.auth,
        method: request.method,
        path: request.path,
        headers: request.headers,
        readOnly: options.readOnly,
        searchPath:
          options.schema === 'public'
            ? 'public, extensions'
            : `"${options.schema.replaceAll('"', '""')}", public, extensions`,
      },
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
