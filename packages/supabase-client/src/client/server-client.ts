import { createClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import type { Database } from '../database.types.ts';
import type { TypedSupabaseClient } from './types.ts';
import { assertSupabaseArgs } from './validate-env.ts';

/**
 * A client for servers, scripts and edge functions: no session storage and no refresh timer (each
 * request brings its own token), schema `public`. To act as a user, pass
 * `{ global: { headers: { Authorization: `Bearer ${accessToken}` } } }`. In Node 20 also pass
 * `realtime: { transport: WebSocket }` (npm `ws`); Deno and browsers have a global WebSocket.
 */
export function createServerClient(
  url: string,
  key: string,
  options: SupabaseClientOptions<'public'> = {},
): TypedSupabaseClient {
  assertSupabaseArgs(url, key, { url: 'url', key: 'key' });
  return createClient<Database>(url, key, {
    ...options,
    auth: {
      ...options.auth,
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
    },
    db: { ...options.db, schema: 'public' },
  });
}
