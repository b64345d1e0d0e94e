// Helpers for the functions' Deno tests (never imported by a function): a signed-up user through
// the real Auth API, a service-role client, and a call into an app's fetch as the relay makes it.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { FunctionEnv } from './env.ts';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export const TEST_PASSWORD = 'correct-horse-battery-staple';

const NO_SESSION = { auth: { persistSession: false, autoRefreshToken: false } } as const;

/** A client acting as nobody yet (anon key), for signing up and in. */
export function anonClient(env: FunctionEnv): SupabaseClient {
  return createClient(env.supabaseUrl, env.supabaseAnonKey, NO_SESSION);
}

/** A service-role client (bypasses RLS) for fixtures and for checking what was written. */
export function serviceRoleClient(env: FunctionEnv): SupabaseClient {
  return createClient(env.supabaseUrl, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!, NO_SESSION);
}

/** Signs up a new user `<prefix>-<uuid>@example.test` and returns their access token. */
export async function signUpTestUser(env: FunctionEnv, prefix: string): Promise<TestUser> {
  const email = `${prefix}-${crypto.randomUUID()}@example.test`;
  const { data, error } = await anonClient(env).auth.signUp({ email, password: TEST_PASSWORD });
  if (error || !data.session || !data.user) throw error ?? new Error('no session after sign-up');
  return { id: data.user.id, email, token: data.session.access_token };
}

export interface Answer {
  status: number;
  headers: Headers;
  // deno-lint-ignore no-explicit-any
  json: any;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Calls `fetch` (an app's) at `/<fn><path>` like the functions relay would. */
export async function callApp(
  fetch: (request: Request) => Response | Promise<Response>,
  fn: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  const body =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined && !headers.has('content-type'))
    headers.set('content-type', options.contentType ?? 'application/json');
  const response = await fetch(
    new Request(`http://functions.test/${fn}${path}`, { method, headers, body }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? JSON.parse(text) : null,
  };
}

/**
 * Waits, when needed, until at least `seconds` remain in the current rate-limit minute. The
 * platform's budgets are fixed one-minute windows, so a test that spends a whole budget must not
 * straddle a window's end (the budget would refill half way and the 429 never come).
 */
export async function clearOfRateWindow(seconds: number): Promise<void> {
  const now = new Date();
  const second = now.getUTCSeconds() + now.getUTCMilliseconds() / 1000;
  if (second > 60 - seconds) {
    await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
  }
}
