import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../database.types.ts';

/** A supabase-js client typed with the generated `Database` (schema `public`). */
export type TypedSupabaseClient = SupabaseClient<Database>;

/** What an app passes in from its validated `src/env.ts`. */
export interface SupabaseEnv {
  supabaseUrl: string;
  supabaseAnonKey: string;
}
