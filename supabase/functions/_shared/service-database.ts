// A direct connection to the database (SUPABASE_DB_URL, which hosted Supabase gives every
// function) for a hot path where a REST call through the API gateway would cost more than the
// SQL it runs. One statement is one round trip and its own transaction; call security-definer
// SQL functions granted to service_role, which take the verified caller's id as an argument.
// Connections open on first use and stay open between requests: 4 per function instance by
// default, so many warm instances stay within the database's connection limit (a statement
// holds one for a few milliseconds; more would not run faster on the database's cores).
import postgres from 'postgres';

export type ServiceDatabase = postgres.Sql;

/** A pool of at most `maxConnections` to `url`, connected lazily. */
export function connectServiceDatabase(url: string, maxConnections = 4): ServiceDatabase {
  return postgres(url, {
    max: maxConnections,
    // Supabase's advice for functions is the pooler in transaction mode, which keeps no named
    // prepared statements between transactions; a statement that sets its own claims
    // transaction-locally (set_config(…, true)) is safe there.
    prepare: false,
    idle_timeout: 60,
    connection: { application_name: 'edge-function' },
    onnotice: () => undefined,
  });
}
