// Shared set-up of the /rest/v1 contract tests: one stack per test file, supabase-js clients
// for anon, service_role and two signed-up users.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createNodeClient, startTestStack, type TestStack } from '../src/testing.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';

export interface RestWorld {
  stack: TestStack;
  anon: SupabaseClient;
  service: SupabaseClient;
  alice: SignedIn;
  bob: SignedIn;
}

export interface SignedIn {
  client: SupabaseClient;
  userId: string;
  accessToken: string;
}

/** supabase-js as an app builds it (Node 20 needs `ws` for realtime). */
export function client(stack: Pick<TestStack, 'url'>, key: string): SupabaseClient {
  return createNodeClient(stack.url, key);
}

async function signUp(stack: TestStack, label: string): Promise<SignedIn> {
  const signedIn = client(stack, stack.anonKey);
  const { data, error } = await signedIn.auth.signUp({
    email: `${label}-${randomUUID().slice(0, 8)}@example.com`,
    password: 'rest-password-1',
  });
  if (error || !data.session || !data.user)
    throw new Error(`sign-up failed: ${error?.message ?? 'no session'}`);
  return { client: signedIn, userId: data.user.id, accessToken: data.session.access_token };
}

/** Starts the stack on free ports (or uses SUPABASE_TEST_URL) and signs up alice and bob. */
export async function startRestWorld(): Promise<RestWorld> {
  const stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
  try {
    return {
      stack,
      anon: client(stack, stack.anonKey),
      service: client(stack, stack.serviceRoleKey),
      alice: await signUp(stack, 'alice'),
      bob: await signUp(stack, 'bob'),
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** A raw request to /rest/v1 (for what supabase-js cannot send: malformed JSON, odd headers). */
export async function rawRest(
  world: RestWorld,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string>; token?: string } = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const response = await fetch(`${world.stack.url}/rest/v1${path}`, {
    method: init.method ?? 'GET',
    body: init.body,
    headers: {
      apikey: world.stack.anonKey,
      authorization: `Bearer ${init.token ?? world.stack.anonKey}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json, text };
}
