// The zod validator of every app's environment. It runs in the Vite config for every build and dev
// server start (a build with a missing or malformed variable fails) and in each app's src/env.ts under
// the dev server. zod/mini keeps it small.
import * as z from 'zod/mini';
import {
  APP_ENVIRONMENTS,
  ENV_VARIABLES,
  blankToUndefined,
  defaultedAppEnv,
  envError,
  resolveAppEnv,
  type AppEnv,
  type ParseAppEnvOptions,
  type RawEnv,
} from './app-env.ts';

/**
 * The role a Supabase key grants: a legacy key is a JWT whose payload names it; the newer
 * publishable keys (`sb_publishable_…`) are the anon role's. Anything else has no anon role.
 */
export function supabaseKeyRole(key: string): string | null {
  if (key.startsWith('sb_publishable_')) return 'anon';
  if (key.startsWith('sb_secret_')) return 'service_role';
  const payload = key.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { role?: unknown } | null;
    return typeof claims?.role === 'string' ? claims.role : null;
  } catch {
    return null;
  }
}

/** The shape @sentry/core accepts (its own DSN regex); anything else disables Sentry with only a console error. */
const SENTRY_DSN = /^https?:\/\/\w+(?::\w+)?@[\w.-]+(?::\d+)?\/.+$/;

const schema = z.object({
  VITE_APP_ENV: z.enum(APP_ENVIRONMENTS, {
    error: `must be one of ${APP_ENVIRONMENTS.join(', ')}`,
  }),
  VITE_SUPABASE_URL: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  // A bundle is public: a service_role key in it would hand every visitor the whole database.
  VITE_SUPABASE_ANON_KEY: z.optional(
    z.string({ error: 'must be a string' }).check(
      z.refine((key) => supabaseKeyRole(key) === 'anon', {
        error:
          "must be the project's anon (publishable) key: this key's role is not anon (never put a service_role or secret key in an app)",
      }),
    ),
  ),
  VITE_SENTRY_DSN: z.optional(
    z
      .string({ error: 'must be a string' })
      .check(
        z.regex(SENTRY_DSN, { error: 'must be a Sentry DSN (https://<key>@<host>/<project>)' }),
      ),
  ),
});

/**
 * Validates an app's environment with zod: each variable's format, then the rules across them
 * (resolveAppEnv). `VITE_APP_ENV` defaults to `development` under the dev server (`DEV` true) and to
 * `production` in builds; only in `development` do the Supabase URL and anon key default to the local
 * stack, so a fresh clone runs with no `.env.local` while any other build must name its backend.
 */
export function parseAppEnv(raw: RawEnv, options: ParseAppEnvOptions): AppEnv {
  const input: Record<string, unknown> = Object.fromEntries(
    ENV_VARIABLES.map((name) => [name, blankToUndefined(raw[name])]),
  );
  input.VITE_APP_ENV = defaultedAppEnv(raw);
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      // Never echo keys back into logs; URLs and names help the reader spot the typo.
      const got = name.endsWith('_KEY') ? '' : ` (got ${JSON.stringify(raw[name])})`;
      return { name, text: `${name} ${issue.message}${got}` };
    });
    throw envError(options.app, problems);
  }
  const { data } = result;
  return resolveAppEnv(
    {
      appEnv: data.VITE_APP_ENV,
      supabaseUrl: data.VITE_SUPABASE_URL,
      supabaseAnonKey: data.VITE_SUPABASE_ANON_KEY,
      sentryDsn: data.VITE_SENTRY_DSN,
    },
    options,
  );
}
