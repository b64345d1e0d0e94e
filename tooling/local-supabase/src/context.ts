// The contract between the stack's parts: every service (auth, rest, storage, functions,
// realtime) is built from one StackContext and mounted by the gateway under its base path.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hono } from 'hono';
import type { Pool } from 'pg';
import type { Logger } from '@alawein/logger';
import type { Mailbox } from './inbox/mailbox.ts';

export interface StackConfig {
  /** Repository root: holds supabase/config.toml, migrations, seed.sql and functions/. */
  projectRoot: string;
  /** Where the database cluster and storage objects live (git-ignored). */
  dataDir: string;
  apiPort: number;
  dbPort: number;
  /** e.g. http://127.0.0.1:54321 */
  apiUrl: string;
  /** Superuser URL, e.g. postgresql://postgres:postgres@127.0.0.1:54322/postgres */
  dbUrl: string;
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Access-token lifetime in seconds. */
  jwtExpiry: number;
  /** GoTrue settings from config.toml's [auth]; defaults as `supabase start`. */
  auth?: AuthSettings;
  /** PostgREST settings from config.toml's [api]; defaults as `supabase start`. */
  api?: ApiSettings;
  /** Who may reach the gateway: Host names and browser origins (see gateway/request-guard.ts). */
  access?: AccessSettings;
  /** The local inbox (config.toml `[local_smtp]`): where auth mails go; null when disabled. */
  inbox?: InboxSettings | null;
}

export interface AccessSettings {
  /** Host names (besides localhost, 127.0.0.1 and [::1]) the gateway answers to. */
  hosts: string[];
  /** Browser origins (besides loopback ones) allowed to make state-changing calls. */
  origins: string[];
}

export interface InboxSettings {
  /** Port of the inbox's HTTP API and page. */
  port: number;
}

export interface ApiSettings {
  /** Schemas `/rest/v1` exposes; the first is the default profile. */
  schemas: string[];
  /** Cap on the rows one read returns (`max_rows`); null for none. */
  maxRows: number | null;
  /**
   * PostgREST's `db-tx-end`: `commit` (hosted) ignores `Prefer: tx=rollback`; the
   * `*-allow-override` values honour it.
   */
  txEnd?: 'commit' | 'commit-allow-override' | 'rollback' | 'rollback-allow-override';
}

export interface AuthSettings {
  enableSignup: boolean;
  minimumPasswordLength: number;
  refreshTokenRotation: boolean;
  /** Seconds a just-rotated refresh token may still be used (concurrent tabs). */
  refreshTokenReuseInterval: number;
  /** `[auth] site_url`: the default redirect after an emailed link. */
  siteUrl?: string;
  /** `[auth] additional_redirect_urls`: other allowed `redirect_to` targets. */
  additionalRedirectUrls?: string[];
  /** `[auth.email] enable_confirmations`: sign-up mails a confirmation instead of a session. */
  emailConfirmations?: boolean;
  /** `[auth.email] double_confirm_changes`: an email change needs both addresses to confirm. */
  doubleConfirmChanges?: boolean;
  /** `[auth.email] otp_expiry`: seconds an emailed link or code stays valid. */
  otpExpiry?: number;
  /** `[auth.email] max_frequency` in seconds: the least time between two mails of one kind. */
  emailMaxFrequency?: number;
}

export interface StackContext {
  config: StackConfig;
  /** Connects as `postgres` (superuser): bootstrap, migrations, auth bookkeeping. */
  adminPool: Pool;
  /** Connects as `authenticator`; each API request switches role inside its transaction. */
  apiPool: Pool;
  logger: Logger;
  /** Where auth's mails go (the local inbox); undefined when `[local_smtp]` is disabled. */
  mailbox?: Mailbox;
}

/** Who is calling, resolved from the `apikey` header and the Bearer token. */
export interface RequestAuth {
  role: string;
  claims: Record<string, unknown>;
  /** The raw JWT that authorised the request (never logged). */
  token: string;
}

/** One HTTP (and optionally WebSocket) surface of the stack, e.g. `/rest/v1`. */
export interface StackService {
  basePath: string;
  /** Routes are relative to basePath (the gateway mounts it with `app.route(basePath, app)`). */
  app: Hono;
  /** Max request body in bytes (default 5 MiB); larger bodies get 413 before reaching the app. */
  bodyLimit?: number;
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Called after migrations apply or `NOTIFY pgrst, 'reload schema'`. */
  reload?: () => Promise<void>;
  close: () => Promise<void>;
}

export type ServiceFactory = (ctx: StackContext) => Promise<StackService>;
