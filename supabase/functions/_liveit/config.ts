// What both LiveIt functions read from the environment, validated once at start.
import { DEFAULT_HOLD_MINUTES } from '@alawein/liveit-domain';
import type { FunctionEnv } from '../_shared/env.ts';

/**
 * The webhook signing secret used when STRIPE_WEBHOOK_SECRET is unset outside production, so
 * test payments work from a fresh clone with no manual step. Public by design, like the local
 * stack's demo keys; production never uses it. Server-only: it stays out of the app bundle.
 */
export const LOCAL_WEBHOOK_SECRET = 'whsec_liveit_local_development_only_not_a_secret';

export interface LiveitConfig {
  /** Writes orders through the service-role-only SQL functions. */
  serviceRoleKey: string;
  /** `production` turns off test payments and the local webhook secret. */
  production: boolean;
  /** Where the app runs, for payment return URLs when the request names none. */
  appUrl: string;
  /** Other origins payment may return to (LIVEIT_RETURN_ORIGINS, e.g. a staging app). */
  returnOrigins: readonly string[];
  holdMinutes: number;
  /** Unset: payments use the `test` provider (never in production). */
  stripeSecretKey: string | undefined;
  /** Unset in production: every webhook is refused with 400. */
  webhookSecret: string | undefined;
  /** liveit-webhooks, where test payments are delivered. */
  webhooksUrl: string;
}

/** Reads the LiveIt settings; throws naming what is missing or malformed. */
export function loadLiveitConfig(
  env: FunctionEnv,
  read: (name: string) => string | undefined = (name) => Deno.env.get(name),
): LiveitConfig {
  const serviceRoleKey = read('SUPABASE_SERVICE_ROLE_KEY');
  if (!serviceRoleKey) {
    throw new Error(
      'Missing environment variable SUPABASE_SERVICE_ROLE_KEY: hosted Supabase and the local stack set it.',
    );
  }
  const production = read('APP_ENV') === 'production';
  const holdText = read('LIVEIT_HOLD_MINUTES');
  const holdMinutes = holdText === undefined ? DEFAULT_HOLD_MINUTES : Number(holdText);
  if (!Number.isInteger(holdMinutes) || holdMinutes < 1 || holdMinutes > 1440) {
    throw new Error(
      `LIVEIT_HOLD_MINUTES must be a whole number of minutes, 1 to 1440: ${holdText}`,
    );
  }
  const webhookSecret =
    read('STRIPE_WEBHOOK_SECRET') || (production ? undefined : LOCAL_WEBHOOK_SECRET);
  return {
    serviceRoleKey,
    production,
    appUrl: (read('LIVEIT_APP_URL') || 'http://localhost:5177').replace(/\/+$/, ''),
    returnOrigins: (read('LIVEIT_RETURN_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    holdMinutes,
    stripeSecretKey: read('STRIPE_SECRET_KEY') || undefined,
    webhookSecret,
    webhooksUrl: `${env.supabaseUrl.replace(/\/+$/, '')}/functions/v1/liveit-webhooks`,
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The app origin a payment returns to: the one the request names when it is the app's own
 * (LIVEIT_APP_URL or LIVEIT_RETURN_ORIGINS) or, outside production, any loopback origin (dev
 * servers and test runs pick their ports); undefined for any other, so Stripe never sends a
 * shopper to a site the request chose.
 */
export function allowedReturnOrigin(
  config: LiveitConfig,
  requested: string | undefined,
): string | undefined {
  if (requested === undefined) return config.appUrl;
  const origin = requested.replace(/\/+$/, '').toLowerCase();
  if ([config.appUrl, ...config.returnOrigins].some((o) => o.toLowerCase() === origin)) {
    return origin;
  }
  if (config.production) return undefined;
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return undefined;
  }
  return LOOPBACK_HOSTS.has(host) ? origin : undefined;
}
