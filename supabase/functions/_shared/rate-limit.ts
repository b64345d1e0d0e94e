// Per-user request budgets, counted in the database (repz_consume_rate_limit) so the limit
// holds however many function instances serve the user.
import type { TypedSupabaseClient } from '@alawein/supabase-client/server';
import { ApiError, fromDatabaseError } from './errors.ts';

export type RequestKind = 'read' | 'write';

/** The kind of budget a request spends: safe methods read, everything else writes. */
export function requestKind(method: string): RequestKind {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

/** Spends one request of `kind`; throws 429 with Retry-After when the budget is used up. */
export async function consumeRateLimit(db: TypedSupabaseClient, kind: RequestKind): Promise<void> {
  const { data, error } = await db.rpc('repz_consume_rate_limit', { kind }).single();
  if (error) throw fromDatabaseError(error);
  if (!data.allowed) {
    const retryAfter = String(data.retry_after_seconds);
    throw new ApiError(
      429,
      'rate_limited',
      `too many ${kind} requests; retry in ${retryAfter} s`,
      undefined,
      {
        'Retry-After': retryAfter,
      },
    );
  }
}
