// One validator for every app's environment, used at run time (each app's src/env.ts) and at
// build time (the Vite config), so a deployed bundle can never be built without its backend.
// zod/mini: the same validation at a fraction of the bytes on every app's first page.
import * as z from 'zod/mini';

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

const VARIABLES = ['VITE_APP_ENV', 'VITE_SUPABASE_URL', 'VITE_SUPABASE_ANON_KEY', 'VITE_SENTRY_DSN'] as const;

/** An empty `VITE_X=` line in a .env file means "not set". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The shape @sentry/core accepts (its own DSN regex); anything else disables Sentry with only a console error. */
const SENTRY_DSN = /^https?:\/\/\w+(?::\w+)?@[\w.-]+(?::\d+)?\/.+$/;

const schema = z.object({
  VITE_APP_ENV: z.enum(APP_ENVIRONMENTS, { error: `must be one of ${APP_ENVIRONMENTS.join(', ')}` }),
  VITE_SUPABASE_URL: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  VITE_SUPABASE_ANON_KEY: z.optional(z.string({ error: 'must be a string' })),
  VITE_SENTRY_DSN: z.optional(
    z.string({ error: 'must be a string' }).check(z.regex(SENTRY_DSN, { error: 'must be a Sentry DSN (https://<key>@<host>/<project>)' })),
  ),
});

/**
 * Validates an app's environment. `VITE_APP_ENV` defaults to `development` under the dev server
 * (`DEV` true) and to `production` in builds. Only in `development` do the Supabase URL and anon key
 * default to the local stack, so a fresh clone runs with no `.env.local` while any other build must
 * name its backend.
 */
export function parseAppEnv(raw: RawEnv, { app }: ParseAppEnvOptions): AppEnv {
  const defaultAppEnv: AppEnvironment = raw.DEV === true ? 'development' : 'production';
  const input: Record<string, unknown> = Object.fromEntries(VARIABLES.map((name) => [name, blankToUndefined(raw[name])]));
  input.VITE_APP_ENV ??= defaultAppEnv;
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      // Never echo keys back into logs; URLs and names help the reader spot the typo.
      const got = name.endsWith('_KEY') ? '' : ` (got ${JSON.stringify(raw[name])})`;
      return { name, text: `${name} ${issue.message}${got}` };
    });
    throw envError(app, problems);
  }
  const { VITE_APP_ENV: appEnv, VITE_SUPABASE_URL: url, VITE_SUPABASE_ANON_KEY: key, VITE_SENTRY_DSN } = result.data;
  const local = appEnv === 'development';
  const missing = [
    ...(url === undefined && !local ? ['VITE_SUPABASE_URL'] : []),
    ...(key === undefined && !local ? ['VITE_SUPABASE_ANON_KEY'] : []),
  ];
  if (missing.length > 0) {
    throw envError(
      app,
      missing.map((name) => ({ name, text: `${name} is missing (required when VITE_APP_ENV is ${appEnv})` })),
    );
  }
  return {
    appEnv,
    supabaseUrl: (url ?? LOCAL_SUPABASE_URL).replace(/\/+$/, ''),
    supabaseAnonKey: key ?? LOCAL_SUPABASE_ANON_KEY,
    sentryDsn: VITE_SENTRY_DSN,
    usesLocalStack: url === undefined,
  };
}

function envError(app: string, problems: { name: string; text: string }[]): EnvValidationError {
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
