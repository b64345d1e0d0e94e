// Shared helpers of the auth and gateway contract tests: real supabase-js clients against the run's stack.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { createNodeClient, type TestStack } from '../src/testing.ts';

/** A supabase-js client that keeps its session in memory only (no storage, no auto refresh). */
export function client(stack: TestStack, key: string, accessToken?: string): SupabaseClient {
  return createNodeClient(stack.url, key, {
    global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {},
  });
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

/** Raw request to the stack, for what supabase-js never sends (bad JSON, missing keys, huge bodies). */
export function raw(
  stack: TestStack,
  path: string,
  init: RequestInit & { apikey?: string | null; bearer?: string; apiVersion?: boolean } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  const apikey = init.apikey === undefined ? stack.anonKey : init.apikey;
  if (apikey !== null) headers.set('apikey', apikey);
  if (init.bearer) headers.set('Authorization', `Bearer ${init.bearer}`);
  if (init.apiVersion !== false) headers.set('X-Supabase-Api-Version', '2024-01-01');
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  return fetch(`${stack.url}${path}`, { ...init, headers });
}

/** Runs one query as the superuser (local stacks, or SUPABASE_TEST_DB_URL). */
export async function sql<T extends pg.QueryResultRow>(
  stack: TestStack,
  text: string,
  values: unknown[] = [],
) {
  if (!stack.dbUrl) throw new Error('this assertion needs SUPABASE_TEST_DB_URL');
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    return (await db.query<T>(text, values)).rows;
  } finally {
    await db.end();
  }
}

export async function userCount(stack: TestStack, email: string): Promise<number> {
  const rows = await sql<{ n: string }>(
    stack,
    'select count(*) as n from auth.users where email = $1',
    [email],
  );
  return Number(rows[0]?.n ?? 0);
}
