// Runs work the way PostgREST does: one transaction per request, with the caller's role and
// claims set transaction-locally so PostgreSQL's own RLS decides which rows are visible.
import type { Pool, PoolClient } from 'pg';
import type { RequestAuth } from '../context.ts';

export interface RequestScope {
  auth: RequestAuth;
  method: string;
  path: string;
  /** Lower-cased header names; auth headers are dropped before they reach the database. */
  headers: Record<string, string>;
  readOnly?: boolean;
  searchPath?: string;
}

const HIDDEN_HEADERS = new Set(['authorization', 'apikey', 'cookie']);

/** Runs `work` in one transaction as the request's role; rolls back on any error. */
export async function withRequestTransaction<T>(
  pool: Pool,
  scope: RequestScope,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(scope.readOnly ? 'begin isolation level read committed read only' : 'begin');
    const headers = Object.fromEntries(
      Object.entries(scope.headers).filter(([name]) => !HIDDEN_HEADERS.has(name.toLowerCase())),
    );
    await client.query(
      `select set_config('role', $1, true),
              set_config('request.jwt.claims', $2, true),
              set_config('request.method', $3, true),
              set_config('request.path', $4, true),
              set_config('request.headers', $5, true),
              set_config('search_path', $6, true)`,
      [
        scope.auth.role,
        JSON.stringify({ ...scope.auth.claims, role: scope.auth.role }),
        scope.method,
        scope.path,
        JSON.stringify(headers),
        scope.searchPath ?? 'public, extensions',
      ],
    );
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
