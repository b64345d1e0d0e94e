import type { GoTrueClient } from '@supabase/auth-js';
import type { Database } from '../database.types.ts';
import type { BrowserClientOptions, TypedSupabaseClient } from './types.ts';

interface FullClientSource {
  url: string;
  key: string;
  /** The app's one auth client: the full client takes its tokens and never creates its own. */
  auth: GoTrueClient;
  accessToken: () => Promise<string | null>;
  headers: Record<string, string>;
  baseFetch: typeof fetch | undefined;
  options: BrowserClientOptions;
}

/**
 * Downloads supabase-js and creates the full client on the app's session. With `accessToken` set,
 * supabase-js creates no GoTrue client (so no second session, storage listener or refresh timer) and
 * asks for the token on every request and Realtime heartbeat. It resolves once Realtime holds the
 * current token; auth events reach the Realtime socket straight away, as supabase-js does for its
 * own auth client.
 */
export async function loadFullClient(source: FullClientSource): Promise<TypedSupabaseClient> {
  const { createClient } = await import('@supabase/supabase-js');
  const client = createClient<Database>(source.url, source.key, {
    accessToken: source.accessToken,
    db: { schema: 'public', retry: false },
    global: { headers: source.headers, ...(source.baseFetch ? { fetch: source.baseFetch } : {}) },
    ...(source.options.realtime ? { realtime: source.options.realtime } : {}),
  });
  // A channel joins with the token Realtime holds at subscribe time, and supabase-js sets it only
  // asynchronously: without this, a channel subscribed at once would join as anon and RLS would
  // withhold its rows.
  await client.realtime.setAuth();
  source.auth.onAuthStateChange((event, session) => {
    if (event === 'TOKEN_REFRESHED' || event === 'SIGNED_IN' || event === 'SIGNED_OUT')
      void client.realtime.setAuth(session?.access_token ?? null);
  });
  return client;
}
