// The service-role client: only the LiveIt functions hold it, and only to call the SQL
// functions that write orders, payments and reviews (granted to service_role alone).
import { createServerClient, type TypedSupabaseClient } from '@alawein/supabase-client/server';
import type { FunctionEnv } from '../_shared/env.ts';
import type { LiveitConfig } from './config.ts';

export function createServiceClient(env: FunctionEnv, config: LiveitConfig): TypedSupabaseClient {
  return createServerClient(env.supabaseUrl, config.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}
