// What an app's environment resolves to, without the validator: the types, the local-stack defaults,
// the "required outside development" rule and the error message. parse-app-env.ts adds the zod
// schema; this module stays free of zod so production bundles can leave the validator out.

/** `supabase start` and the repo's local stack serve the API here. */
export const LOCAL_SUPABASE_URL = 'http://localhost:54321';
/** The public demo anon key of `supabase start` (no secret: it only works against a local stack). */
export const LOCAL_SUPABASE_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';

export const APP_ENVIRONMENTS = ['development', 'preview', 'staging', 'production'] as const;
export type AppEnvironment = (typeof APP_ENVIRONMENTS)[number];

/** The validated configuration an app runs with. */
export interface AppEnv {
  appEnv: AppEnvironment;
  supabaseUrl: string;
  supabaseAnonKey: string;
  /** Sentry is off when this is undefined. */
  sentryDsn: string | undefined;
  /** True when the Supabase URL and key fell back to the local stack's. */
  usesLocalStack: boolean;
}

/** What `import.meta.env` (or Vite's `loadEnv`) hands over: strings plus Vite's DEV flag. */
export type RawEnv = Readonly<Record<string, unknown>>;

export interface ParseAppEnvOptions {
  /** The app's folder under apps/, named in error messages. */
  app: string;
}

/** Thrown when a variable is missing or malformed; the message says which one and where to set it. */
export class EnvValidationError extends Error {
  override name = 'EnvValidationError';
  constructor(
    message: string,
    /** The variables that failed, e.g. ['VITE_SUPABASE_URL']. */
    readonly variables: string[],
  ) {
    super(message);
  }
}

export const ENV_VARIABLES = [
  'VITE_APP_ENV',
  'VITE_SUPABASE_URL',
  'VITE_SUPABASE_ANON_KEY',
  'VITE_SENTRY_DSN',
] as const;

/** The variables, each checked for its own format, before the cross-variable rules. */
export interface EnvValues {
  appEnv: AppEnvironment;
  supabaseUrl: string | undefined;
  supabaseAnonKey: string | undefined;
  sentryDsn: string | undefined;
}

/** An empty `VITE_X=` line in a .env file means "not set". */
export const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** `VITE_APP_ENV` when set, else `development` under the dev server (`DEV` true) and `production` in builds. */
export function defaultedAppEnv(raw: RawEnv): unknown {
  return blankToUndefined(raw.VITE_APP_ENV) ?? (raw.DEV === true ? 'development' : 'production');
}

/**
 * Applies the rules across variables: only in `development` do the Supabase URL and anon key default
 * to the local stack; anywhere else a missing one throws EnvValidationError naming it.
 */
export function resolveAppEnv(values: EnvValues, { app }: ParseAppEnvOptions): AppEnv {
  const { appEnv, supabaseUrl: url, supabaseAnonKey: key } = values;
  const local = appEnv === 'development';
  const missing = [
    ...(url === undefined && !local ? ['VITE_SUPABASE_URL'] : []),
    ...(key === undefined && !local ? ['VITE_SUPABASE_ANON_KEY'] : []),
  ];
  if (missing.length > 0) {
    throw envError(
      app,
      missing.map((name) => ({
        name,
        text: `${name} is missing (required when VITE_APP_ENV is ${appEnv})`,
      })),
    );
  }
  return {
    appEnv,
    supabaseUrl: (url ?? LOCAL_SUPABASE_URL).replace(/\/+$/, ''),
    supabaseAnonKey: key ?? LOCAL_SUPABASE_ANON_KEY,
    sentryDsn: values.sentryDsn,
    usesLocalStack: url === undefined,
  };
}

/**
 * The environment of a production bundle, whose values are constants that the build has already
 * validated with parseAppEnv (the shared Vite config runs it and fails the build on any problem).
 * Re-running the zod schema on constants would only add the validator to every first page.
 */
export function builtAppEnv(raw: RawEnv, options: ParseAppEnvOptions): AppEnv {
  const text = (name: (typeof ENV_VARIABLES)[number]) => {
    const value = blankToUndefined(raw[name]);
    return typeof value === 'string' ? value : undefined;
  };
  return resolveAppEnv(
    {
      appEnv: defaultedAppEnv(raw) as AppEnvironment,
      supabaseUrl: text('VITE_SUPABASE_URL'),
      supabaseAnonKey: text('VITE_SUPABASE_ANON_KEY'),
      sentryDsn: text('VITE_SENTRY_DSN'),
    },
    options,
  );
}

export function envError(
  app: string,
  problems: { name: string; text: string }[],
): EnvValidationError {
  const message = [
    `Invalid environment for ${app}:`,
    ...problems.map((p) => `  - ${p.text}`),
    `Set ${problems.length > 1 ? 'them' : 'it'} in apps/${app}/.env.local for local builds (copy apps/${app}/.env.example),`,
    `or in the Vercel project settings (Settings → Environment Variables) for preview, staging and production.`,
    `To build against the local stack instead, set VITE_APP_ENV=development.`,
  ].join('\n');
  return new EnvValidationError(
    message,
    problems.map((p) => p.name),
  );
}
