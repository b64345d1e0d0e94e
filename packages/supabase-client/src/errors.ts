/** A failed PostgREST (or other HTTP) call, with the HTTP status the retry policy needs. */
export class SupabaseRequestError extends Error {
  override readonly name = 'SupabaseRequestError';
  /** HTTP status; 0 when the request never got an answer (network failure). */
  readonly status: number;
  /** PostgREST/Postgres code, e.g. `23505`, `PGRST116`; empty when unknown. */
  readonly code: string;
  readonly details: string | null;
  readonly hint: string | null;

  constructor(
    error: { message: string; code?: string | null; details?: string | null; hint?: string | null },
    status: number,
  ) {
    super(error.message, { cause: error });
    this.status = status;
    this.code = error.code ?? '';
    this.details = error.details ?? null;
    this.hint = error.hint ?? null;
  }
}

type QueryResponse<T> =
  | { data: T; error: null; status: number }
  | {
      data: unknown;
      error: {
        message: string;
        code?: string | null;
        details?: string | null;
        hint?: string | null;
      };
      status: number;
    };

/**
 * Returns `data` of a supabase-js query response, or throws its error as a SupabaseRequestError
 * carrying the status, so React Query (and its retry policy) sees failures.
 */
export function unwrap<T>(response: QueryResponse<T>): T {
  if (response.error) throw new SupabaseRequestError(response.error, response.status);
  return response.data;
}
