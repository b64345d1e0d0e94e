// GoTrue's error bodies. A request sent with `X-Supabase-Api-Version: 2024-01-01` (auth-js always
// sends it) gets `{code, message}` and the header echoed; older clients get `{code: <status>, error_code, msg}`.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const API_VERSION_HEADER = 'X-Supabase-Api-Version';
const API_VERSION_2024 = '2024-01-01';

export class AuthApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Extra fields GoTrue puts in the body (e.g. `weak_password: {reasons}`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AuthApiError';
  }
}

/** The part of a Hono context the version logic needs (any route's context fits). */
interface HeaderAccess {
  req: { header(name: string): string | undefined };
  header(name: string, value: string): void;
}

/** True when the request asks for the 2024-01-01 (or a later) API version. */
export function wantsApiVersion2024(c: HeaderAccess): boolean {
  const requested = c.req.header(API_VERSION_HEADER);
  if (!requested || !/^\d{4}-\d{2}-\d{2}$/.test(requested)) return false;
  const time = Date.parse(`${requested}T00:00:00Z`);
  return Number.isFinite(time) && time >= Date.parse(`${API_VERSION_2024}T00:00:00Z`);
}

/** Echoes the API version GoTrue answers with, so auth-js reads error codes the new way. */
export function setApiVersionHeader(c: HeaderAccess): void {
  if (wantsApiVersion2024(c)) c.header(API_VERSION_HEADER, API_VERSION_2024);
}

export function authErrorResponse(c: Context, error: AuthApiError): Response {
  setApiVersionHeader(c);
  const body = wantsApiVersion2024(c)
    ? { code: error.code, message: error.message, ...error.extra }
    : { code: error.status, error_code: error.code, msg: error.message, ...error.extra };
  return c.json(body, error.status);
}

export const badRequest = (code: string, message: string) => new AuthApiError(400, code, message);
export const unprocessable = (code: string, message: string, extra?: Record<string, unknown>) =>
  new AuthApiError(422, code, message, extra);
export const forbidden = (code: string, message: string) => new AuthApiError(403, code, message);
export const notFound = (code: string, message: string) => new AuthApiError(404, code, message);
