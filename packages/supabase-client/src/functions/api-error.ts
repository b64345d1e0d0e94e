// The one error of every edge function, on both sides of the wire: functions throw it and send
// `toBody()`, `callFunction` rebuilds it from the response. Dependency-free so Deno imports it too.

/** The body of every edge-function error response. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface ApiErrorOptions {
  /** The offending input, e.g. `sets.0.reps`, when there is one. */
  field?: string;
  /** Response headers, e.g. Retry-After on a 429 (the retry policy reads it from here). */
  headers?: HeadersInit;
  cause?: unknown;
}

/** An HTTP error with the API's code, message and field. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly field?: string;
  readonly headers: Headers;

  constructor(
    /** HTTP status; the retry policy reads it. */
    readonly status: number,
    /** Machine-readable reason, e.g. `invalid_value`, `rate_limited`. */
    readonly code: string,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (options.field !== undefined) this.field = options.field;
    this.headers = new Headers(options.headers);
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
      },
    };
  }
}
