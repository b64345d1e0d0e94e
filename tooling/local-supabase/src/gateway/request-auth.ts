// Who is calling: the `apikey` (a header; the query only where a service allows it) must be one of the project's keys, and an
// optional Bearer token must be a JWT signed with the project's secret — as Supabase's gateway checks.
import type { Context, MiddlewareHandler } from 'hono';
import { verifyJwt } from '../auth/jwt.ts';
import type { RequestAuth, StackConfig } from '../context.ts';
import { requestHeader } from './request-headers.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `requireRequestAuth`; read it with `getRequestAuth(c)`. */
    requestAuth: RequestAuth;
  }
}

export type AuthFailureReason = 'missing_apikey' | 'invalid_apikey' | 'invalid_jwt' | 'expired_jwt';

export interface AuthFailure {
  status: 401;
  reason: AuthFailureReason;
  message: string;
}

export type AuthResult = { ok: true; auth: RequestAuth } | { ok: false; failure: AuthFailure };

const KEY_ROLES = new Set(['anon', 'service_role']);

/** Extracts the token of an `Authorization: Bearer <token>` header; `null` when malformed. */
export function bearerToken(authorization: string | undefined): string | null | undefined {
  if (authorization === undefined || authorization === '') return undefined;
  const match = /^bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? null;
}

// At module level: a closure made per request costs an allocation and, under tsx (which keeps
// function names), a defineProperty call per request.
function fail(reason: AuthFailureReason, message: string): AuthResult {
  return { ok: false, failure: { status: 401, reason, message } };
}

/**
 * Resolves the caller from its apikey and Bearer token. Without a Bearer token the apikey's own
 * role applies (anon or service_role).
 */
export async function resolveRequestAuth(
  config: Pick<StackConfig, 'jwtSecret'>,
  input: { apikey: string | undefined; authorization: string | undefined },
): Promise<AuthResult> {
  if (!input.apikey) return fail('missing_apikey', 'No API key found in request');
  const key = await verifyJwt(input.apikey, config.jwtSecret);
  if (!key.ok || typeof key.claims.role !== 'string' || !KEY_ROLES.has(key.claims.role)) {
    return fail('invalid_apikey', 'Invalid API key');
  }
  const bearer = bearerToken(input.authorization);
  if (bearer === null) return fail('invalid_jwt', 'Authorization header must be "Bearer <token>"');
  if (bearer === undefined) {
    return { ok: true, auth: { role: key.claims.role, claims: key.claims, token: input.apikey } };
  }
  const verified = bearer === input.apikey ? key : await verifyJwt(bearer, config.jwtSecret);
  if (!verified.ok) {
    return fail(verified.reason === 'expired' ? 'expired_jwt' : 'invalid_jwt', verified.message);
  }
  const role =
    typeof verified.claims.role === 'string' && verified.claims.role !== ''
      ? verified.claims.role
      : 'anon';
  return { ok: true, auth: { role, claims: verified.claims, token: bearer } };
}

/**
 * Reads apikey and Authorization from a Hono request. `?apikey=` counts only when `queryAllowed`:
 * a key in a URL can be planted in any web page, which then calls the stack with it.
 */
export function requestCredentials(
  c: Context,
  queryAllowed = false,
): {
  apikey: string | undefined;
  authorization: string | undefined;
} {
  return {
    apikey:
      requestHeader(c, 'apikey') || (queryAllowed ? c.req.query('apikey') : undefined) || undefined,
    authorization: requestHeader(c, 'authorization'),
  };
}

export interface RequireAuthOptions {
  /** Shapes the 401 body the way the service's real counterpart does. */
  onError?: (c: Context, failure: AuthFailure) => Response | Promise<Response>;
  /** Whether this request may carry its key as `?apikey=` (default: never). */
  apikeyInQuery?: (c: Context) => boolean;
}

/** The default 401 body: the hosted API gateway's for key failures, `{code, message}` for tokens. */
export function defaultAuthError(c: Context, failure: AuthFailure): Response {
  if (failure.reason === 'missing_apikey') {
    return c.json(
      { message: failure.message, hint: 'No `apikey` request header or url param was found.' },
      401,
    );
  }
  if (failure.reason === 'invalid_apikey') {
    return c.json(
      {
        message: failure.message,
        hint: 'Double check your Supabase `anon` or `service_role` API key.',
      },
      401,
    );
  }
  return c.json({ code: failure.reason, message: failure.message }, 401);
}

/** Middleware: rejects with 401 unless the request carries a valid apikey (+ Bearer), else sets `requestAuth`. */
export function requireRequestAuth(
  config: Pick<StackConfig, 'jwtSecret'>,
  options: RequireAuthOptions = {},
): MiddlewareHandler {
  const onError = options.onError ?? defaultAuthError;
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const result = await resolveRequestAuth(
      config,
      requestCredentials(c, options.apikeyInQuery?.(c) ?? false),
    );
    if (!result.ok) return onError(c, result.failure);
    c.set('requestAuth', result.auth);
    await next();
  };
}

/** The caller resolved by `requireRequestAuth`; throws when the middleware did not run. */
export function getRequestAuth(c: Context): RequestAuth {
  const auth = c.get('requestAuth') as RequestAuth | undefined;
  if (!auth) throw new Error('requireRequestAuth() must run before getRequestAuth()');
  return auth;
}
