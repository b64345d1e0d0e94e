// Identifies the signed-in caller and gives a database client that acts as them, so every
// query the function makes is subject to the caller's RLS policies.
//
// An access token signed with one of the project's published signing keys (SUPABASE_JWKS,
// which hosted Supabase gives every function) is verified here, with no call to Auth — what
// supabase-js's auth.getClaims() does. Any other token (the legacy HS256 secret is never given
// to functions) is checked by Auth with auth.getUser(), and Auth's yes is remembered for 30 s
// (never past the token's expiry): an app's calls carry the same token for up to an hour, and
// each check is a network round trip costing more than most requests' own work. getClaims()
// trusts a token until it expires; this trusts Auth's answer for at most 30 s. Either way a
// forged, expired or non-user (anon, service_role) token gets 401.
import type { UserAppMetadata } from '@supabase/supabase-js';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import type { MiddlewareHandler } from 'hono';
import { createServerClient, type TypedSupabaseClient } from '@alawein/supabase-client/server';
import type { FunctionEnvironment } from './app.ts';
import { ApiError } from './errors.ts';
import type { FunctionEnv } from './env.ts';

/** What functions know of the signed-in user: the access token's claims, or Auth's answer. */
export interface CallerUser {
  id: string;
  email?: string;
  /** Written only by the service role (e.g. `role: 'admin'`), so it can be trusted. */
  app_metadata: UserAppMetadata;
}

export interface Caller {
  user: CallerUser;
  /** Made on first use: building a supabase-js client costs more than some requests' work. */
  readonly db: TypedSupabaseClient;
}

/** A client that sends the request's own Authorization header (RLS applies as that user). */
export function clientForRequest(
  env: FunctionEnv,
  authorization: string | null,
): TypedSupabaseClient {
  return createServerClient(env.supabaseUrl, env.supabaseAnonKey, {
    global: { headers: authorization ? { Authorization: authorization } : {} },
  });
}

const ASYMMETRIC_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

function unauthorized(): ApiError {
  return new ApiError(
    401,
    'unauthorized',
    'sign in first: the access token is not a signed-in user',
  );
}

type KeySet = ReturnType<typeof createLocalJWKSet>;
const keySets = new WeakMap<FunctionEnv, KeySet | null>();

function keySetOf(env: FunctionEnv): KeySet | null {
  let keySet = keySets.get(env);
  if (keySet === undefined) {
    keySet = env.jwks ? createLocalJWKSet(env.jwks) : null;
    keySets.set(env, keySet);
  }
  return keySet;
}

/**
 * The user a token signed with a published key stands for; undefined when no published key can
 * decide (a legacy HS256 token, a key rotated in after the function started): Auth must check it.
 */
async function userFromSigningKeys(
  env: FunctionEnv,
  token: string,
): Promise<CallerUser | undefined> {
  const keySet = keySetOf(env);
  if (!keySet) return undefined;
  let algorithm: string | undefined;
  try {
    algorithm = decodeProtectedHeader(token).alg;
  } catch {
    throw unauthorized();
  }
  if (!algorithm || !ASYMMETRIC_ALGORITHMS.includes(algorithm)) return undefined;
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, keySet, { algorithms: ASYMMETRIC_ALGORITHMS }));
  } catch (error) {
    if (error instanceof joseErrors.JWKSNoMatchingKey) return undefined;
    throw unauthorized();
  }
  // Only a signed-in user's session token: not the anon or service_role key, whose role differs.
  if (claims.role !== 'authenticated' || typeof claims.sub !== 'string' || !claims.sub) {
    throw unauthorized();
  }
  const metadata = claims.app_metadata;
  return {
    id: claims.sub,
    email: typeof claims.email === 'string' && claims.email ? claims.email : undefined,
    app_metadata: typeof metadata === 'object' && metadata !== null ? metadata : {},
  };
}

/** How long Auth's answer for a token is reused (never past the token's own expiry). */
const AUTH_ANSWER_TTL_MS = 30_000;
const MAX_REMEMBERED_TOKENS = 1_000;

/** Tokens Auth accepted, with the user and until when the answer is reused; oldest first. */
const acceptedTokens = new Map<string, { user: CallerUser; until: number }>();

function rememberedUser(token: string): CallerUser | undefined {
  const entry = acceptedTokens.get(token);
  if (!entry) return undefined;
  if (entry.until > Date.now()) return entry.user;
  acceptedTokens.delete(token);
  return undefined;
}

function remember(token: string, user: CallerUser): void {
  const expiresAt = decodeJwt(token).exp;
  const until = Math.min(
    Date.now() + AUTH_ANSWER_TTL_MS,
    typeof expiresAt === 'number' ? expiresAt * 1000 : 0,
  );
  if (until <= Date.now()) return;
  if (acceptedTokens.size >= MAX_REMEMBERED_TOKENS) {
    const oldest = acceptedTokens.keys().next().value;
    if (oldest !== undefined) acceptedTokens.delete(oldest);
  }
  acceptedTokens.set(token, { user, until });
}

/** The user Auth says `token` stands for (asking at most every 30 s per token), or 401. */
async function userFromAuth(client: () => TypedSupabaseClient, token: string): Promise<CallerUser> {
  const remembered = rememberedUser(token);
  if (remembered) return remembered;
  const { data, error } = await client().auth.getUser(token);
  if (error || !data.user) throw unauthorized();
  const user: CallerUser = {
    id: data.user.id,
    email: data.user.email,
    app_metadata: data.user.app_metadata,
  };
  remember(token, user);
  return user;
}

/** Resolves the signed-in user from the Bearer token; 401 when absent, anonymous or invalid. */
export async function requireCaller(env: FunctionEnv, req: Request): Promise<Caller> {
  const authorization = req.headers.get('authorization');
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new ApiError(401, 'unauthorized', 'sign in first: missing Bearer token');
  let db: TypedSupabaseClient | undefined;
  const client = () => (db ??= clientForRequest(env, authorization));
  const user = (await userFromSigningKeys(env, token)) ?? (await userFromAuth(client, token));
  return {
    user,
    get db() {
      return client();
    },
  };
}

/** Context variables `authenticate` sets: the signed-in caller (and `userId` for the log line). */
export interface AuthVariables {
  caller: Caller;
}

/**
 * Middleware: every route registered after it needs a signed-in user (401 otherwise) and reads
 * them with `c.get('caller')`. Register it after `createFunctionApp`, whose /health and CORS
 * preflight answer before it runs.
 */
export function authenticate(
  env: FunctionEnv,
): MiddlewareHandler<FunctionEnvironment<AuthVariables>> {
  return async (c, next) => {
    const caller = await requireCaller(env, c.req.raw);
    c.set('userId', caller.user.id);
    c.set('caller', caller);
    await next();
  };
}
