// The one way the app calls simcore-api: supabase-js `functions.invoke` (which sends the user's
// token, or the anon key when signed out), the answer parsed with the API's own response schema,
// and the API's `{error:{code,message,field?}}` turned into an ApiError that keeps the status.
import { FunctionsHttpError } from '@supabase/supabase-js';
import type { z } from 'zod';
import type { TypedSupabaseClient } from '@alawein/supabase-client';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'DELETE';

/** `simcore-api/<path>?<query>`, leaving out empty values. */
export function apiPath(path: string, query: Record<string, string | number | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `simcore-api/${path.replace(/^\//, '')}${search ? `?${search}` : ''}`;
}

/** Calls simcore-api and returns its body parsed by `schema`; throws ApiError on an HTTP error. */
export async function callApi<S extends z.ZodType>(
  client: TypedSupabaseClient,
  schema: S,
  path: string,
  method: Method = 'GET',
  body?: object,
): Promise<z.output<S>> {
  const result = await client.functions.invoke<unknown>(path, {
    method,
    ...(body === undefined ? {} : { body: body as Record<string, unknown> }),
  });
  const error: unknown = result.error;
  if (!error) return schema.parse(result.data);
  if (error instanceof FunctionsHttpError && error.context instanceof Response) {
    const response = error.context;
    const payload = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; field?: string };
    } | null;
    throw new ApiError(
      response.status,
      payload?.error?.code ?? 'http_error',
      payload?.error?.message ?? `Request failed with status ${response.status}`,
      payload?.error?.field,
    );
  }
  throw error instanceof Error ? error : new Error('simcore-api call failed', { cause: error });
}
