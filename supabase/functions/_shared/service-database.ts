// A direct connection to the database (SUPABASE_DB_URL, which hosted Supabase gives every
// function) for a hot path where a REST call through the API gateway would cost more than the
// SQL it runs. Each call is one transaction as service_role — the grants the REST path with the
// service key would have — with the verified caller's id as the `sub` claim, so SQL functions
// that read auth.uid() (the rate limit) see who they act for. Connections stay open between
// requests, a few per function instance.
import postgres from 'postgres';

export type ServiceTransaction = postgres.TransactionSql;

export interface ServiceDatabase {
  /**
   * Runs `statement` in one transaction as service_role acting for `userId`. `statement` must
   * send its query before its first await: it travels with the transaction's set-up.
   */
  actingFor<T>(userId: string, statement: (tx: ServiceTransaction) => Promise<T>): Promise<T>;
  /** Closes the connections (tests; a served function keeps them for its lifetime). */
  close(): Promise<void>;
}

/** Connects lazily (on the first call) to `url` with at most `maxConnections`. */
export function connectServiceDatabase(url: string, maxConnections = 8): ServiceDatabase {
  const sql = postgres(url, {
    max: maxConnections,
    idle_timeout: 60,
    connection: { application_name: 'edge-function' },
    onnotice: () => undefined,
  });
  async function actingFor<T>(
    userId: string,
    statement: (tx: ServiceTransaction) => Promise<T>,
  ): Promise<T> {
    const results: T[] = [];
    const claims = JSON.stringify({ sub: userId, role: 'service_role' });
    await sql.begin(async (tx) => {
      // postgres.js sends a query when it is first awaited; execute() sends the set-up now, so
      // it goes first and the statement follows on the same round trip.
      const setup = tx`select set_config('role', 'service_role', true),
                              set_config('request.jwt.claims', ${claims}, true)`.execute();
      const [, result] = await Promise.all([setup, statement(tx)]);
      results.push(result);
    });
    return results[0]!;
  }
  return { actingFor, close: () => sql.end({ timeout: 5 }) };
}
