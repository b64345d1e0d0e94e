// PostgREST's error shape and HTTP status mapping, so supabase-js sees the same `error`
// objects (code, message, details, hint) it gets from a hosted project.

/** The JSON body of every `/rest/v1` error. */
export interface RestErrorBody {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

/** An error raised by the REST layer itself (parse, schema cache, content negotiation). */
export class RestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: string | null;
  readonly hint: string | null;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: {
      details?: string | null;
      hint?: string | null;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'RestError';
    this.status = status;
    this.code = code;
    this.details = options.details ?? null;
    this.hint = options.hint ?? null;
    this.headers = options.headers ?? {};
  }

  toBody(): RestErrorBody {
    return { code: this.code, message: this.message, details: this.details, hint: this.hint };
  }
}

/** PGRST100: the query string could not be parsed. */
export function parseError(message: string, details: string | null = null): RestError {
  return new RestError(400, 'PGRST100', message, { details });
}

/** 42703 as PostgreSQL words it, raised before any SQL runs. */
export function unknownColumn(table: string, column: string): RestError {
  return new RestError(400, '42703', `column ${table}.${column} does not exist`);
}

/** Shape of the errors thrown by node-postgres. */
interface PgErrorLike {
  code: string;
  message: string;
  detail?: string;
  hint?: string;
}

function isPgError(error: unknown): error is PgErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string' &&
    (error as { code: string }).code.length === 5
  );
}

/** PostgREST's SQLSTATE → HTTP status table. */
export function statusForSqlState(code: string, anonymous: boolean): number {
  switch (code) {
    case '23503':
    case '23505':
      return 409;
    case '42501':
      return anonymous ? 401 : 403;
    case '42P01':
    case '42883':
      return 404;
    case 'P0001':
      return 400;
    case '25006':
      return 405;
    case '42P17':
      return 500;
    case '53400':
      return 500;
    case '54001':
      return 500;
  }
  const cls = code.slice(0, 2);
  switch (cls) {
    case '08':
    case '53':
      return 503;
    case '0L':
    case '0P':
    case '28':
      return 403;
    case '09':
    case '25':
    case '2D':
    case '38':
    case '39':
    case '3B':
    case '40':
    case '54':
    case '55':
    case '57':
    case '58':
    case 'F0':
    case 'HV':
    case 'XX':
      return 500;
    case 'P0':
      return 500;
    default:
      return 400;
  }
}

/** Maps anything thrown while serving a request to a status and PostgREST body. */
export function toErrorResponse(
  error: unknown,
  anonymous: boolean,
): { status: number; body: RestErrorBody; headers: Record<string, string> } {
  if (error instanceof RestError)
    return { status: error.status, body: error.toBody(), headers: error.headers };
  if (isPgError(error)) {
    // PostgREST lets RAISE choose the status with `PTxxx` codes.
    const custom = /^PT(\d{3})$/.exec(error.code);
    const status = custom ? Number(custom[1]) : statusForSqlState(error.code, anonymous);
    return {
      status,
      body: {
        code: error.code,
        message: error.message,
        details: error.detail ?? null,
        hint: error.hint ?? null,
      },
      headers: {},
    };
  }
  throw error;
}
