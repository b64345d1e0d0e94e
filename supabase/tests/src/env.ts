// The package's one reader of process.env. Which Supabase the tests use (SUPABASE_TEST_URL,
// _ANON_KEY, _SERVICE_ROLE_KEY, _DB_URL) is read by startTestStack in @alawein/local-supabase.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: holds supabase/migrations, seed.sql and config.toml. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Password of the `authenticator` login (`postgres` on local stacks, as `supabase start`). */
export const authenticatorPassword = process.env.SUPABASE_TEST_AUTHENTICATOR_PASSWORD || 'postgres';
