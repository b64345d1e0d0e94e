// Runs work the way PostgREST does: one transaction per request, with the caller's role and
// claims (and the role's own settings, such as anon's statement_timeout) set transaction-locally
// so PostgreSQL's own RLS and limits apply. On a pipelining connection (`pipeline: true` pools)
// the transaction's set-up travels with the first query instead of costing round trips of its own.
// A request's single read goes in one round trip without begin/commit: see request-read.ts.
import type { ClientBase, Pool, PoolClient } from 'pg';
import type { RequestAuth } from '../context.ts';

export interface RequestScope {
  auth: RequestAuth;
  method: string;
  path: string;
  /** Lower-cased header names; auth headers are dropped before they reach the database. */
  headers: Readonly<Record<string, string>>;
  readOnly?: boolean;
  searchPath?: string;
  /**
   * Settings of the request's role (`alter role … set`), applied transaction-locally: a role
   * switch with `set role` would not apply them, PostgREST does it this way.
   */
  roleSettings?: readonly (readonly [string, string])[];
  /** `auth.claims` with `role` set to `auth.role`, as JSON, when the caller already has it. */
  claimsJson?: string;
}

const HIDDEN_HEADERS = new Set(['authorization', 'apikey', 'cookie']);
const BEGIN_READ_ONLY = 'begin isolation level read committed read only';
const SETUP_SQL = `select set_config('role', $1, true),
              set_config('request.jwt.claims', $2, true),
              set_config('request.method', $3, true),
              set_config('request.path', $4, true),
              set_config('request.headers', $5, true),
              set_config('search_path', $6, true)`;

function headersJson(headers: Readonly<Record<string, string>>): string {
  const visible: Record<string, string> = {};
  for (const name in headers) {
    if (!HIDDEN_HEADERS.has(name.toLowerCase())) visible[name] = headers[name] ?? '';
  }
  return JSON.stringify(visible);
}

/** The set-up's text for a role with `settings` settings of its own (same count, same text). */
const setupTexts: string[] = [];

function setupText(settings: number): string {
  let text = setupTexts[settings];
  if (text === undefined) {
    text = SETUP_SQL;
    for (let i = 0; i < settings; i += 1) {
      text += `, set_config($${7 + 2 * i}, $${8 + 2 * i}, true)`;
    }
    setupTexts[settings] = text;
  }
  return text;
}

/**
 * The `set_config` statement that gives the transaction the request's identity and settings,
 * named so each connection parses and plans it once (its text depends only on how many
 * settings the role has).
 */
export function setupStatement(scope: RequestScope): {
  name: string;
  text: string;
  values: string[];
} {
  const values = [
    scope.auth.role,
    scope.claimsJson ?? JSON.stringify({ ...scope.auth.claims, role: scope.auth.role }),
    scope.method,
    scope.path,
    headersJson(scope.headers),
    scope.searchPath ?? 'public, extensions',
  ];
  const settings = scope.roleSettings ?? [];
  for (const [name, value] of settings) values.push(name, value);
  return {
    name: `request_setup_${settings.length}`,
    text: setupText(settings.length),
    values,
  };
}

/** True for clients of a `pipeline: true` pool, which send queued queries without waiting. */
function pipelines(client: ClientBase): boolean {
  return 'pipeline' in client && client.pipeline === true;
}

/**
 * Runs `send` with the connection's socket corked, so the messages of every query it queues leave
 * in one write: each write to the database's socket was the largest single cost per request.
 */
function inOneWrite<T>(client: PoolClient, send: () => T): T {
  const socket = client.connection.stream;
  socket.cork();
  try {
    return send();
  } finally {
    socket.uncork();
  }
}

/** Sends begin and the set-up; on a pipelining client the caller's next query follows at once. */
function openTransaction(client: PoolClient, scope: RequestScope): Promise<unknown> {
  const setup = setupStatement(scope);
  const begin = client.query(scope.readOnly ? BEGIN_READ_ONLY : 'begin');
  const configured = client.query(setup);
  const opened = Promise.all([begin, configured]);
  // Awaited after the caller's query on pipelining clients; never left unhandled meanwhile.
  opened.catch(() => undefined);
  return opened;
}

/**
 * The set-up's own error when it failed (a role that does not exist, say), else `error`: the
 * statements after a failed set-up only report that the transaction is aborted.
 */
async function firstError(opened: Promise<unknown>, error: unknown): Promise<unknown> {
  try {
    await opened;
    return error;
  } catch (setupError) {
    return setupError;
  }
}

/** Runs `work` in one transaction as the request's role; rolls back on any error. */
export async function withRequestTransaction<T>(
  pool: Pool,
  scope: RequestScope,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const pipelined = pipelines(client);
  let opened: Promise<unknown> | undefined;
  try {
    let pending: Promise<T>;
    if (pipelined) {
      pending = inOneWrite(client, () => {
        opened = openTransaction(client, scope);
        return work(client);
      });
    } else {
      opened = openTransaction(client, scope);
      await opened;
      pending = work(client);
    }
    const result = await pending;
    await opened;
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw opened ? await firstError(opened, error) : error;
  } finally {
    client.release();
  }
}
