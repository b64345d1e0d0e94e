// One error shape for every function: {error: {code, message, field?}} with a fitting status.
import { ApiError } from '@alawein/supabase-client/api-error';

// The class the apps' callFunction rebuilds from the response: one error on both sides.
export { ApiError };

/** 429 with the Retry-After header clients wait on. */
export function rateLimited(message: string, retryAfterSeconds: number): ApiError {
  return new ApiError(429, 'rate_limited', message, {
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

interface PostgrestLikeError {
  code?: string;
  message?: string;
  hint?: string | null;
  details?: string | null;
}

/**
 * Maps a PostgREST/PostgreSQL error to the API's error. SQL functions put the offending field
 * in the error hint (e.g. 'sets.2.exercise_id'), so the client learns which input was wrong.
 */
export function fromDatabaseError(error: PostgrestLikeError): ApiError {
  const field = error.hint && /^[a-z_][a-z0-9_.]*$/i.test(error.hint) ? error.hint : undefined;
  const message = error.message ?? 'database error';
  switch (error.code) {
    case 'PT429':
      // private.enforce_rate_limit: the detail is the seconds until the budget's window ends.
      return rateLimited(message, Math.max(1, Number(error.details) || 60));
    case '23505':
      return new ApiError(409, 'conflict', message, { field });
    case '23503':
      return new ApiError(422, 'not_found_reference', message, { field });
    case 'P0002':
      return new ApiError(404, 'not_found', message, { field });
    case '22023':
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
    case '23502':
      return new ApiError(422, 'invalid_value', message, { field });
    case '42501':
      return new ApiError(403, 'forbidden', 'not allowed', { field });
    case 'PGRST301':
    case 'PGRST302':
      return new ApiError(401, 'invalid_token', 'the access token is invalid or expired');
    default:
      // The client learns nothing of the internals; the log line carries the database's words.
      return new ApiError(500, 'internal_error', 'unexpected database error', {
        cause: {
          code: error.code,
          message: error.message,
          details: error.details,
          hint: error.hint,
        },
      });
  }
}
