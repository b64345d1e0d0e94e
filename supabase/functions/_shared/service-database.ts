// A direct connection to the database (SUPABASE_DB_URL, which hosted Supabase gives every
// function) for a hot path where a REST call through the API gateway would cost more than the
// SQL it runs. One statement is one round trip and its own transaction; call security-definer
// SQL functions granted to service_role, which take the verified caller's id as an argument.
// Connections open on first use and stay open between requests, a few per function instance.
import postgres from 'postgres';

export type ServiceDatabase = postgres.Sql;

/** A pool of at most `maxConnections` to `url`, connected lazily. */
export function connectServiceDatabase(url: string, maxConnections = 8): ServiceDatabase {
  return postgres(url, {
    max: maxConnections,
    idle_timeout: 60,
    connection: { application_name: 'edge-function' },
    onnotice: () => undefined,
  });
}
