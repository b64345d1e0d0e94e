// The package's one reader of process.env: which Supabase the database tests run against.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: holds supabase/migrations, seed.sql and config.toml. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface TestTarget {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Superuser URL of the same stack's database. */
  dbUrl: string;
}

/**
 * SUPABASE_TEST_URL, _ANON_KEY, _SERVICE_ROLE_KEY and _DB_URL point the tests at a running stack
 * (`pnpm stack start`, `supabase start`); unset, the tests start a throw-away stack of their own.
 */
export function readTestTarget(): TestTarget | undefined {
  const target = {
    url: process.env.SUPABASE_TEST_URL,
    anonKey: process.env.SUPABASE_TEST_ANON_KEY,
    serviceRoleKey: process.env.SUPABASE_TEST_SERVICE_ROLE_KEY,
    dbUrl: process.env.SUPABASE_TEST_DB_URL,
  };
  if (!target.url && !target.dbUrl) return undefined;
  const { url, anonKey, serviceRoleKey, dbUrl } = target;
  if (!url || !anonKey || !serviceRoleKey || !dbUrl) {
    throw new Error(
      'Set all of SUPABASE_TEST_URL, SUPABASE_TEST_ANON_KEY, SUPABASE_TEST_SERVICE_ROLE_KEY and ' +
        'SUPABASE_TEST_DB_URL, or none of them to let the tests start their own stack.',
    );
  }
  return { url, anonKey, serviceRoleKey, dbUrl };
}

/** Password of the `authenticator` login (`postgres` on local stacks, as `supabase start`). */
export const authenticatorPassword = process.env.SUPABASE_TEST_AUTHENTICATOR_PASSWORD || 'postgres';
