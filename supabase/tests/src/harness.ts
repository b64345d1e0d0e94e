// Runs SQL the way PostgREST does — one transaction, `role` and `request.jwt.claims` set
// transaction-locally, on a connection logged in as `authenticator` — and always rolls back,
// so every assertion sees the same committed fixtures and leaves nothing behind.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
// The very code the local REST gateway runs per request.
import { withRequestTransaction } from '@alawein/local-supabase';

export type Row = Record<string, unknown>;
export type Claims = Record<string, unknown>;

/** SQL under one caller's role and claims, in a transaction that is rolled back. */
export interface Session {
  /** Runs one statement; resolves to its rows. */
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs several statements in the same (rolled-back) transaction. */
  run<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
}

export interface TestUser {
  id: string;
  email: string;
}

/** Thrown to carry a result out of withRequestTransaction, so it rolls back instead of committing. */
class RollbackWith extends Error {
  constructor(readonly value: unknown) {
    super('rolled back on purpose');
  }
}

/** The claims GoTrue puts in an access token for a password sign-in. */
export function userClaims(id: string, extra: Claims = {}): Claims {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: 'http://127.0.0.1:54321/auth/v1',
    sub: id,
    aud: 'authenticated',
    exp: now + 3600,
    iat: now,
    email: `${id}@example.com`,
    phone: '',
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: {},
    role: 'authenticated',
    aal: 'aal1',
    amr: [{ method: 'password', timestamp: now }],
    session_id: randomUUID(),
    is_anonymous: false,
    ...extra,
  };
}

/** The authenticator login on the same server and database as a superuser URL. */
export function authenticatorUrl(dbUrl: string, password = 'postgres'): string {
  const url = new URL(dbUrl);
  url.username = 'authenticator';
  url.password = password;
  return url.toString();
}

export class DbHarness {
  /** Superuser pool for fixtures and catalog queries; bypasses RLS. */
  readonly admin: pg.Pool;
  /** Logs in as `authenticator`, exactly like PostgREST; never used without a request role. */
  private readonly api: pg.Pool;
  private readonly users: string[] = [];

  constructor(dbUrl: string, authenticatorPassword?: string) {
    this.admin = new pg.Pool({ connectionString: dbUrl, max: 2 });
    this.api = new pg.Pool({
      connectionString: authenticatorUrl(dbUrl, authenticatorPassword),
      max: 2,
    });
  }

  /** A signed-in user: role `authenticated`, access-token claims for `id` (merged with `claims`). */
  asUser(id: string, claims: Claims = {}): Session {
    return this.session('authenticated', userClaims(id, claims));
  }

  /** A request with the anon key and no user token. */
  asAnon(): Session {
    return this.session('anon', { iss: 'supabase-demo', role: 'anon' });
  }

  /** A request with the service_role key (bypasses RLS, still bound by grants). */
  asServiceRole(): Session {
    return this.session('service_role', { iss: 'supabase-demo', role: 'service_role' });
  }

  /**
   * Inserts a committed auth.users row (its profile comes from the signup trigger), removed by
   * close(). Goes through the table, not the Auth API, so tests control id and metadata.
   */
  async createUser(
    options: { displayName?: string; email?: string; appMetadata?: Claims } = {},
  ): Promise<TestUser> {
    const id = randomUUID();
    const email = options.email ?? `db-test-${id}@example.com`;
    await this.admin.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                               raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, '',
               now(), $3, $4, now(), now())`,
      [
        id,
        email,
        { provider: 'email', providers: ['email'], ...options.appMetadata },
        options.displayName === undefined ? {} : { display_name: options.displayName },
      ],
    );
    this.users.push(id);
    return { id, email };
  }

  /** Deletes the users this harness created (their rows cascade) and closes both pools. */
  async close(): Promise<void> {
    try {
      if (this.users.length > 0)
        await this.admin.query('delete from auth.users where id = any($1)', [this.users]);
    } finally {
      await Promise.all([this.admin.end(), this.api.end()]);
    }
  }

  private session(role: string, claims: Claims): Session {
    const run = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
      try {
        await withRequestTransaction(
          this.api,
          {
            auth: { role, claims, token: '' },
            method: 'POST',
            path: '/rest/v1/rpc/db-tests',
            headers: {},
          },
          async (client) => {
            throw new RollbackWith(await work(client));
          },
        );
      } catch (outcome) {
        if (outcome instanceof RollbackWith) return outcome.value as T;
        throw outcome;
      }
      throw new Error('unreachable: the transaction always rolls back');
    };
    return {
      run,
      query: <R extends Row>(sql: string, params: unknown[] = []) =>
        run(async (client) => (await client.query<R>(sql, params)).rows),
    };
  }
}
