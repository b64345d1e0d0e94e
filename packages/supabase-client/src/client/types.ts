import type { GoTrueClient } from '@supabase/auth-js';
import type {
  RealtimeClientOptions,
  SupabaseClient,
  SupabaseClientOptions,
} from '@supabase/supabase-js';
import type { Database } from '../database.types.ts';

/** A supabase-js client typed with the generated `Database` (schema `public`). */
export type TypedSupabaseClient = SupabaseClient<Database>;

/**
 * The client an app's pages use: Auth (the app's one session) and PostgREST under RLS, the two
 * things the first page needs. Storage, Edge Functions and Realtime live in the full supabase-js
 * client, which `full()` loads on first use and which rides on this client's session.
 */
export interface AppSupabaseClient {
  /** The app's only GoTrue client: sign-in, session, the one refresh timer. */
  readonly auth: GoTrueClient;
  /** A PostgREST query on a table or view, sent with the session's access token. */
  readonly from: TypedSupabaseClient['from'];
  /** A PostgREST function call, sent with the session's access token. */
  readonly rpc: TypedSupabaseClient['rpc'];
  /**
   * The full supabase-js client (storage, functions, realtime), downloaded and created on the first
   * call and reused after. It has no auth client of its own: every request and the Realtime socket
   * take the access token of `auth`, so a refresh there reaches it too.
   */
  full(): Promise<TypedSupabaseClient>;
}

/** What an app passes in from its validated `src/env.ts`. */
export interface SupabaseEnv {
  supabaseUrl: string;
  supabaseAnonKey: string;
}

/** Options for createBrowserClient; `realtime` applies to the full client when it is loaded. */
export interface BrowserClientOptions {
  auth?: SupabaseClientOptions<'public'>['auth'];
  global?: { fetch?: typeof fetch; headers?: Record<string, string> };
  realtime?: RealtimeClientOptions;
}
