// supabase-js clients for the storage and functions contract tests: the service role, and users
// signed up through supabase-js auth (the client then sends the user's access token).
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createNodeClient } from '../../src/testing.ts';

export interface Endpoints {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
}

export function client(stack: Endpoints, key: string): SupabaseClient {
  return createNodeClient(stack.url, key);
}

export interface TestUser {
  client: SupabaseClient;
  id: string;
  accessToken: string;
}

export async function signUp(stack: Endpoints, label: string): Promise<TestUser> {
  const supabase = client(stack, stack.anonKey);
  const { data, error } = await supabase.auth.signUp({
    email: `${label}-${randomUUID().slice(0, 8)}@example.com`,
    password: 'storage-password-1',
  });
  if (error || !data.session || !data.user)
    throw new Error(`sign-up failed: ${error?.message ?? 'no session'}`);
  return { client: supabase, id: data.user.id, accessToken: data.session.access_token };
}
