// Identifies the signed-in caller and gives a database client that acts as them, so every
// query the function makes is subject to the caller's RLS policies.
import type { User } from '@supabase/supabase-js';
import type { MiddlewareHandler } from 'hono';
import { createServerClient, type TypedSupabaseClient } from '@alawein/supabase-client/server';
import type { FunctionEnvironment } from './app.ts';
import { ApiError } from './errors.ts';
import type { FunctionEnv } from './env.ts';

export interface Caller {
  user: User;
  db: TypedSupabaseClient;
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

/** Resolves the signed-in user from the Bearer token; 401 when absent, anonymous or invalid. */
export async function requireCaller(env: FunctionEnv, req: Request): Promise<Caller> {
  const authorization = req.headers.get('authorization');
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new ApiError(401, 'unauthorized', 'sign in first: missing Bearer token');
  const db = clientForRequest(env, authorization);
  const { data, error } = await db.auth.getUser(token);
  if (error || !data.user) {
    throw new ApiError(
      401,
      'unauthorized',
      'sign in first: the access token is not a signed-in user',
    );
  }
  return { user: data.user, db };
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
