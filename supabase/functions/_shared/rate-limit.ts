// Per-user budgets, counted in the database (private.consume_rate_limit) so a limit holds
// however many function instances serve the user. The limits are rows of
// private.rate_limit_policies keyed by (function, bucket); see README.md.
import type { MiddlewareHandler } from 'hono';
import type { TypedSupabaseClient } from '@alawein/supabase-client/server';
import type { FunctionEnvironment } from './app.ts';
import type { AuthVariables } from './auth.ts';
import { fromDatabaseError, rateLimited } from './errors.ts';

/** Spends one hit of `bucket` of `functionName` for the caller; 429 with Retry-After when used up. */
export async function consumeRateLimit(
  db: TypedSupabaseClient,
  functionName: string,
  bucket: string,
): Promise<void> {
  const { data, error } = await db
    .rpc('consume_rate_limit', { function_name: functionName, bucket })
    .single();
  if (error) throw fromDatabaseError(error);
  if (!data.allowed) {
    throw rateLimited(
      `too many ${bucket} requests; retry in ${data.retry_after_seconds} s`,
      data.retry_after_seconds,
    );
  }
}

/**
 * Middleware after `authenticate`: each request it sees spends one hit of `bucket`. Register it
 * for the requests that spend that budget, e.g. `app.on(['GET', 'HEAD'], '*', rateLimit(...))`.
 */
export function rateLimit(
  functionName: string,
  bucket: string,
): MiddlewareHandler<FunctionEnvironment<AuthVariables>> {
  return async (c, next) => {
    await consumeRateLimit(c.get('caller').db, functionName, bucket);
    await next();
  };
}
