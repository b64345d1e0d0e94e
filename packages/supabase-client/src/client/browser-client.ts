import { createClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import type { Database } from '../database.types.ts';
import type { SupabaseEnv, TypedSupabaseClient } from './types.ts';
import { assertSupabaseArgs } from './validate-env.ts';

/**
 * The browser client: persisted, auto-refreshed session. PostgREST's built-in retry is off so that
 * retries happen in one place, the QueryClient's policy (see createQueryClient).
 */
export function createBrowserClient(
  env: SupabaseEnv,
  options: SupabaseClientOptions<'public'> = {},
): TypedSupabaseClient {
  assertSupabaseArgs(env.supabaseUrl, env.supabaseAnonKey, {
    url: 'supabaseUrl',
    key: 'supabaseAnonKey',
  });
  return createClient<Database>(env.supabaseUrl, env.supabaseAnonKey, {
    ...options,
    auth: { persistSession: true, autoRefreshToken: true, ...options.auth },
    db: { schema: 'public', retry: false, ...options.db },
  });
}
