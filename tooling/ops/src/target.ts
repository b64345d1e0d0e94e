// Which Supabase an operation acts on. The local stack by default; a hosted project when
// SUPABASE_DB_URL (and SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY for storage) are set. Credentials
// stay in memory: `describeTarget` is the only form that is ever printed or written.
import {
  DEFAULT_API_PORT,
  DEFAULT_DB_PORT,
  DEMO_ANON_KEY,
  DEMO_SERVICE_ROLE_KEY,
} from '@alawein/local-supabase/constants';

export interface Target {
  /** PostgreSQL URL with credentials (never printed). */
  dbUrl: string;
  /** API base URL, e.g. https://<ref>.supabase.co */
  apiUrl: string;
  serviceRoleKey: string;
  isLocal: boolean;
}

/** Reads the target from the environment, falling back to the local stack's defaults. */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Target {
  const dbUrl = env.SUPABASE_DB_URL;
  if (!dbUrl) {
    return {
      dbUrl: `postgresql://postgres:postgres@127.0.0.1:${DEFAULT_DB_PORT}/postgres`,
      apiUrl: `http://127.0.0.1:${DEFAULT_API_PORT}`,
      serviceRoleKey: DEMO_SERVICE_ROLE_KEY,
      isLocal: true,
    };
  }
  const apiUrl = env.SUPABASE_URL;
  const serviceRoleKey = env.SUPABASE_SERVICE_ROLE_KEY;
  const missing = [
    !apiUrl && 'SUPABASE_URL',
    !serviceRoleKey && 'SUPABASE_SERVICE_ROLE_KEY',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(
      `SUPABASE_DB_URL is set, so ${missing.join(' and ')} must be set too (storage objects are read ` +
        'through the Storage API with the service-role key). Set them in the shell or the CI secrets.',
    );
  }
  return { dbUrl, apiUrl: apiUrl!, serviceRoleKey: serviceRoleKey!, isLocal: false };
}

/** A printable description of a target: host, port and database, never user or password. */
export function describeTarget(target: Pick<Target, 'dbUrl' | 'apiUrl'>): string {
  const url = new URL(target.dbUrl);
  return `postgresql://${url.hostname}:${url.port || '5432'}${url.pathname} (api ${new URL(target.apiUrl).origin})`;
}

export const APPS = { simcore: 5175, repz: 5176, liveit: 5177, qmlab: 5180 } as const;
export type AppName = keyof typeof APPS;
export const ENVIRONMENTS = ['local', 'preview', 'staging', 'production'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

export interface HealthEnvironment {
  name: EnvironmentName;
  supabaseUrl: string;
  anonKey: string;
  apps: Record<AppName, string>;
}

/**
 * URLs to check for an environment. Local ones are fixed; the others come from SUPABASE_URL,
 * SUPABASE_ANON_KEY and APP_URL_<APP> (set in the shell or the CI environment's variables).
 */
export function healthEnvironment(
  name: EnvironmentName,
  env: NodeJS.ProcessEnv = process.env,
): HealthEnvironment {
  const appNames = Object.keys(APPS) as AppName[];
  if (name === 'local') {
    return {
      name,
      supabaseUrl: `http://127.0.0.1:${DEFAULT_API_PORT}`,
      anonKey: DEMO_ANON_KEY,
      apps: Object.fromEntries(
        appNames.map((app) => [app, `http://localhost:${APPS[app]}`]),
      ) as Record<AppName, string>,
    };
  }
  const appVar = (app: AppName) => `APP_URL_${app.toUpperCase()}`;
  const required = ['SUPABASE_URL', 'SUPABASE_ANON_KEY', ...appNames.map(appVar)];
  const missing = required.filter((variable) => !env[variable]);
  if (missing.length > 0) {
    throw new Error(
      `to check ${name}, set ${missing.join(', ')} (the ${name} environment's values in GitHub/Vercel)`,
    );
  }
  return {
    name,
    supabaseUrl: env.SUPABASE_URL!,
    anonKey: env.SUPABASE_ANON_KEY!,
    apps: Object.fromEntries(appNames.map((app) => [app, env[appVar(app)]!])) as Record<
      AppName,
      string
    >,
  };
}

/** Where the user ran the command (pnpm sets INIT_CWD when a script changes directory). */
export function invocationDir(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

/** This process's environment plus `extra`, for child processes (pg_dump, psql). */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** Directories of PATH, where client tools are looked up. */
export function pathDirs(): string[] {
  return (process.env.PATH ?? '').split(':').filter(Boolean);
}
