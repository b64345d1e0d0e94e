// Calls qmlab-api through supabase-js `functions.invoke` (which sends the user's token, or the
// anon key when signed out) and reads the answer through the response schema it promises; an
// error body `{error:{code,message,field?,line?,column?}}` becomes an ApiError with the status.
import { FunctionsHttpError } from '@supabase/supabase-js';
import type { TypedSupabaseClient } from '@alawein/supabase-client';
import { z } from 'zod';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Where a QASM error is (1-based), for 422 invalid_qasm. */
    readonly location?: { line: number; column: number },
    readonly headers?: Headers,
  ) {
    super(message);
  }
}

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    line: z.number().optional(),
    column: z.number().optional(),
  }),
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Builds `qmlab-api/<path>?<query>`, leaving out empty values. */
export function apiPath(path: string, query: Record<string, string | number | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `qmlab-api/${path.replace(/^\//, '')}${search ? `?${search}` : ''}`;
}

/** Calls qmlab-api and parses the body with `schema`; throws ApiError on an HTTP error. */
export async function callApi<S extends z.ZodType>(
  client: TypedSupabaseClient,
  schema: S,
  path: string,
  method: Method = 'GET',
  body?: object,
): Promise<z.output<S>> {
  const result = await client.functions.invoke<unknown>(path, {
    method,
    ...(body === undefined ? {} : { body: { ...body } }),
  });
  const error: unknown = result.error;
  if (!error) return schema.parse(result.data);
  if (error instanceof FunctionsHttpError && error.context instanceof Response) {
    const response = error.context;
    const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
    const detail = parsed.success ? parsed.data.error : undefined;
    throw new ApiError(
      response.status,
      detail?.code ?? 'http_error',
      detail?.message ?? `Request failed with status ${response.status}`,
      detail?.field,
      detail?.line !== undefined && detail.column !== undefined
        ? { line: detail.line, column: detail.column }
        : undefined,
      response.headers,
    );
  }
  throw error instanceof Error ? error : new Error('qmlab-api call failed', { cause: error });
}
