// The one way the app calls repz-api: supabase-js `functions.invoke` (which sends the user's token),
// with the API's `{error:{code,message,field?}}` turned into an ApiError that keeps the HTTP status,
// so React Query's retry policy and the forms see what went wrong.
import { FunctionsHttpError } from '@supabase/supabase-js';
import type { AppSupabaseClient } from '@alawein/supabase-client';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The offending input, e.g. `sets.0.reps`, when the API names one. */
    readonly field?: string,
    /** Response headers: the retry policy reads Retry-After from here on a 429. */
    readonly headers?: Headers,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Builds `repz-api/<path>?<query>` leaving out undefined values. */
export function apiPath(
  path: string,
  query: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `repz-api/${path.replace(/^\//, '')}${search ? `?${search}` : ''}`;
}

/** Calls repz-api and returns its JSON body; throws ApiError on an HTTP error. */
export async function callApi<T>(
  client: AppSupabaseClient,
  path: string,
  method: Method = 'GET',
  body?: Record<string, unknown> | object,
): Promise<T> {
  const result = await (
    await client.full()
  ).functions.invoke<T>(path, {
    method,
    ...(body === undefined ? {} : { body: body as Record<string, unknown> }),
  });
  const error: unknown = result.error;
  if (!error) return result.data as T;
  if (error instanceof FunctionsHttpError) {
    const response = error.context as Response;
    const payload = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; field?: string };
    } | null;
    throw new ApiError(
      response.status,
      payload?.error?.code ?? 'http_error',
      payload?.error?.message ?? `Request failed with status ${response.status}`,
      payload?.error?.field,
      response.headers,
    );
  }
  throw error instanceof Error ? error : new Error('repz-api call failed', { cause: error });
}
