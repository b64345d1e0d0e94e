// Resolves the stack's configuration from options, the environment and supabase/config.toml.
// This is the only module of the package that reads process.env, so every knob is listed here.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { z } from 'zod';
import {
  DATA_DIR_NAME,
  DEFAULT_API_PORT,
  DEFAULT_DB_PORT,
  DEFAULT_INBOX_PORT,
  DEMO_ANON_KEY,
  DEMO_JWT_SECRET,
  DEMO_SERVICE_ROLE_KEY,
} from './constants.ts';
import type { StackConfig } from './context.ts';

export {
  DATA_DIR_NAME,
  DEFAULT_API_PORT,
  DEFAULT_DB_PORT,
  DEFAULT_INBOX_PORT,
  DEMO_ANON_KEY,
  DEMO_JWT_SECRET,
  DEMO_SERVICE_ROLE_KEY,
} from './constants.ts';

export interface ConfigOptions {
  projectRoot?: string;
  dataDir?: string;
  apiPort?: number;
  dbPort?: number;
  /** Port of the local inbox (`[local_smtp] port`); tests pass a free one. */
  inboxPort?: number;
  /** Where to start looking for the project root; defaults to the process's cwd. */
  cwd?: string;
}

const port = z.coerce.number().int().min(1).max(65535);
const smtpSection = z.object({ enabled: z.boolean(), port: port }).partial().optional();
/** A Go duration as the CLI writes them ("1s", "1m30s"), in seconds. */
const goDuration = z
  .string()
  .regex(/^(\d+(h|m|s))+$/, { error: 'must be a duration such as "60s" or "1m"' })
  .transform((text) => {
    const unit: Record<string, number> = { h: 3600, m: 60, s: 1 };
    let seconds = 0;
    for (const [, n = '0', u = 's'] of text.matchAll(/(\d+)(h|m|s)/g))
      seconds += Number(n) * (unit[u] ?? 0);
    return seconds;
  });
const TX_END = ['commit', 'commit-allow-override', 'rollback', 'rollback-allow-override'] as const;

/** The part of supabase/config.toml the stack honours; unknown keys are ignored. */
const configTomlSchema = z.object({
  api: z
    .object({
      port: port.optional(),
      schemas: z.array(z.string().min(1)).min(1).optional(),
      max_rows: z.number().int().positive().optional(),
    })
    .partial()
    .optional(),
  db: z.object({ port: port.optional() }).partial().optional(),
  local_smtp: smtpSection,
  inbucket: smtpSection,
  auth: z
    .object({
      site_url: z.url().optional(),
      additional_redirect_urls: z.array(z.url()).optional(),
      jwt_expiry: z.number().int().positive().optional(),
      enable_signup: z.boolean().optional(),
      minimum_password_length: z.number().int().min(1).optional(),
      enable_refresh_token_rotation: z.boolean().optional(),
      refresh_token_reuse_interval: z.number().int().min(0).optional(),
      email: z
        .object({
          enable_signup: z.boolean(),
          enable_confirmations: z.boolean(),
          double_confirm_changes: z.boolean(),
          otp_expiry: z.number().int().positive(),
          max_frequency: goDuration,
        })
        .partial()
        .optional(),
    })
    .partial()
    .optional(),
});
type ConfigToml = z.infer<typeof configTomlSchema>;

/** Walks up from `start` to the first folder holding both `supabase/` and `pnpm-workspace.yaml`. */
export function findProjectRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (
      existsSync(path.join(dir, 'supabase')) &&
      existsSync(path.join(dir, 'pnpm-workspace.yaml'))
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readConfigToml(projectRoot: string): ConfigToml {
  const file = path.join(projectRoot, 'supabase', 'config.toml');
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = parseToml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = configTomlSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

function envPort(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const parsed = port.safeParse(value);
  if (!parsed.success) throw new Error(`${name} must be a port number (1-65535), got "${value}"`);
  return parsed.data;
}

/** Resolves the full StackConfig: options win over the environment, which wins over config.toml. */
export function resolveConfig(options: ConfigOptions = {}): StackConfig {
  const envRoot = process.env.LOCAL_SUPABASE_PROJECT_ROOT;
  const projectRoot = path.resolve(
    options.projectRoot ??
      (envRoot || undefined) ??
      findProjectRoot(options.cwd ?? process.cwd()) ??
      failNoRoot(options.cwd ?? process.cwd()),
  );
  const toml = readConfigToml(projectRoot);
  const apiPort =
    options.apiPort ?? envPort('LOCAL_SUPABASE_API_PORT') ?? toml.api?.port ?? DEFAULT_API_PORT;
  const dbPort =
    options.dbPort ?? envPort('LOCAL_SUPABASE_DB_PORT') ?? toml.db?.port ?? DEFAULT_DB_PORT;
  const auth = toml.auth ?? {};
  const smtp = toml.local_smtp ?? toml.inbucket ?? {};
  const inboxPort =
    options.inboxPort ?? envPort('LOCAL_SUPABASE_INBOX_PORT') ?? smtp.port ?? DEFAULT_INBOX_PORT;
  const siteUrl = auth.site_url ?? 'http://127.0.0.1:3000';
  const additionalRedirectUrls = auth.additional_redirect_urls ?? [];
  return {
    projectRoot,
    dataDir: path.resolve(options.dataDir ?? path.join(projectRoot, DATA_DIR_NAME)),
    apiPort,
    dbPort,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    dbUrl: `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`,
    jwtSecret: DEMO_JWT_SECRET,
    anonKey: DEMO_ANON_KEY,
    serviceRoleKey: DEMO_SERVICE_ROLE_KEY,
    jwtExpiry: auth.jwt_expiry ?? 3600,
    api: {
      schemas: toml.api?.schemas ?? ['public', 'graphql_public'],
      maxRows: toml.api?.max_rows ?? 1000,
      txEnd: envChoice('PGRST_DB_TX_END', TX_END) ?? 'commit',
    },
    access: {
      hosts: envList('LOCAL_SUPABASE_ALLOWED_HOSTS'),
      origins: [siteUrl, ...additionalRedirectUrls, ...envList('LOCAL_SUPABASE_ALLOWED_ORIGINS')]
        .map(originOf)
        .filter((origin): origin is string => origin !== null),
    },
    inbox: smtp.enabled === false ? null : { port: inboxPort },
    auth: {
      enableSignup: (auth.enable_signup ?? true) && (auth.email?.enable_signup ?? true),
      minimumPasswordLength: auth.minimum_password_length ?? 6,
      refreshTokenRotation: auth.enable_refresh_token_rotation ?? true,
      refreshTokenReuseInterval: auth.refresh_token_reuse_interval ?? 10,
      siteUrl,
      additionalRedirectUrls,
      emailConfirmations: auth.email?.enable_confirmations ?? false,
      doubleConfirmChanges: auth.email?.double_confirm_changes ?? true,
      otpExpiry: auth.email?.otp_expiry ?? 3600,
      emailMaxFrequency: auth.email?.max_frequency ?? 1,
    },
  };
}

function envList(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function envChoice<T extends string>(name: string, choices: readonly T[]): T | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const choice = choices.find((candidate) => candidate === value);
  if (!choice) throw new Error(`${name} must be one of ${choices.join(', ')}, got "${value}"`);
  return choice;
}

/** `scheme://host[:port]` of a URL, or null when it is not one. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}

function failNoRoot(cwd: string): never {
  throw new Error(
    `No project root found above ${cwd} (a folder with supabase/ and pnpm-workspace.yaml). ` +
      'Run from inside the repository or set LOCAL_SUPABASE_PROJECT_ROOT.',
  );
}

/** A remote Supabase the test suites should use instead of starting a local stack. */
export interface TestTarget {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  dbUrl: string | undefined;
  inboxUrl: string | undefined;
}

/**
 * Reads SUPABASE_TEST_URL (+ _ANON_KEY, _SERVICE_ROLE_KEY, _DB_URL): set, the suites run against
 * `supabase start` or a hosted project instead of a stack of their own.
 */
export function readTestTarget(): TestTarget | undefined {
  const url = process.env.SUPABASE_TEST_URL;
  if (!url) return undefined;
  const anonKey = process.env.SUPABASE_TEST_ANON_KEY;
  const serviceRoleKey = process.env.SUPABASE_TEST_SERVICE_ROLE_KEY;
  if (!anonKey || !serviceRoleKey) {
    throw new Error(
      'SUPABASE_TEST_URL is set, so SUPABASE_TEST_ANON_KEY and SUPABASE_TEST_SERVICE_ROLE_KEY must be set too',
    );
  }
  return {
    url,
    anonKey,
    serviceRoleKey,
    dbUrl: process.env.SUPABASE_TEST_DB_URL || undefined,
    // `supabase start` serves Mailpit (same API) on its [inbucket]/[local_smtp] port.
    inboxUrl: process.env.SUPABASE_TEST_INBOX_URL || undefined,
  };
}

/**
 * Variables Deno needs to find its cache and reach the npm registry (proxies, CA settings): the
 * only part of our environment function workers get besides what hosted Supabase gives them.
 */
const TOOLCHAIN_VARIABLES = [
  'PATH',
  'HOME',
  'TMPDIR',
  'LANG',
  'TZ',
  'DENO_DIR',
  'DENO_CERT',
  'DENO_TLS_CA_STORE',
  'NPM_CONFIG_REGISTRY',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
];

/** The toolchain part of our environment (see TOOLCHAIN_VARIABLES), for sandboxed children. */
export function toolchainEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of TOOLCHAIN_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined && value !== '') env[name] = value;
  }
  return env;
}

/** Deno's cache folder (npm packages, remote modules), as Deno resolves it on this machine. */
export function denoCacheDir(): string {
  if (process.env.DENO_DIR) return path.resolve(process.env.DENO_DIR);
  const home = process.env.HOME ?? os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'deno');
  if (process.platform === 'win32')
    return path.join(process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'deno');
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'deno');
}

/** Environment for child processes (postgres-meta), so they need not read ours. */
export function inheritedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return { ...env, ...extra };
}
