import { GoTrueClient } from '@supabase/auth-js';
import { PostgrestClient } from '@supabase/postgrest-js';
import type { Database } from '../database.types.ts';
import { authorizedFetch } from './auth-fetch.ts';
import { loadFullClient } from './full-client.ts';
import type {
  AppSupabaseClient,
  BrowserClientOptions,
  SupabaseEnv,
  TypedSupabaseClient,
} from './types.ts';
import { assertSupabaseArgs } from './validate-env.ts';

/**
 * The browser client: a persisted, auto-refreshed session and PostgREST, built from supabase-js's
 * own auth and PostgREST parts so the first page does not download Realtime, Storage and Functions
 * (about 25 KB gzipped). PostgREST's built-in retry is off so that retries happen in one place, the
 * QueryClient's policy (see createQueryClient).
 */
export function createBrowserClient(
  env: SupabaseEnv,
  options: BrowserClientOptions = {},
): AppSupabaseClient {
  const { supabaseUrl: url, supabaseAnonKey: key } = env;
  assertSupabaseArgs(url, key, { url: 'supabaseUrl', key: 'supabaseAnonKey' });
  const baseUrl = new URL(url.endsWith('/') ? url : `${url}/`);
  const baseFetch = options.global?.fetch;
  const headers = options.global?.headers ?? {};
  const auth = new GoTrueClient({
    // The defaults supabase-js applies, with its storage key, so sessions saved before still load.
    storageKey: `sb-${baseUrl.hostname.split('.')[0]}-auth-token`,
    detectSessionInUrl: true,
    flowType: 'implicit',
    ...options.auth,
    persistSession: options.auth?.persistSession ?? true,
    autoRefreshToken: options.auth?.autoRefreshToken ?? true,
    url: new URL('auth/v1', baseUrl).href,
    headers: { Authorization: `Bearer ${key}`, apikey: key, ...headers },
    fetch: baseFetch,
  });
  const accessToken = async () => (await auth.getSession()).data.session?.access_token ?? null;
  const rest = new PostgrestClient<Database>(new URL('rest/v1', baseUrl).href, {
    headers,
    schema: 'public',
    fetch: authorizedFetch(key, accessToken, baseFetch),
    retry: false,
  });
  let full: Promise<TypedSupabaseClient> | undefined;
  return {
    auth,
    from: rest.from.bind(rest),
    rpc: rest.rpc.bind(rest),
    full: () =>
      (full ??= loadFullClient({ url, key, auth, accessToken, headers, baseFetch, options })),
  };
}
