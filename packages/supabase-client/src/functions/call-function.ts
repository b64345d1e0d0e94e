// The one typed way apps call their edge functions: routes are described once (method, path,
// request and response schemas, in the product's domain package) and every answer is parsed with
// its response schema, so a mismatch fails loudly here instead of deep inside a component.
import { FunctionsHttpError, type SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { ApiError } from './api-error.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route of an edge function. `path` may hold `:name` segments filled from `params`. */
export interface Endpoint {
  readonly functionName: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** What a successful answer is; `z.null()` for 204 No Content. */
  readonly response: z.ZodType;
}

type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type ParamsArg<E extends Endpoint> = [PathParams<E['path']>] extends [never]
  ? { params?: never }
  : { params: Record<PathParams<E['path']>, string> };
type QueryArg<E extends Endpoint> = E extends { query: infer Q extends z.ZodType }
  ? { query?: z.input<Q> }
  : { query?: never };
type BodyArg<E extends Endpoint> = E extends { body: infer B extends z.ZodType }
  ? { body: z.input<B> }
  : { body?: never };

interface CallParts {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
}

/** What a call of `E` needs: its path params, query and body, typed from its schemas. */
export type CallArgs<E extends Endpoint> = ParamsArg<E> & QueryArg<E> & BodyArg<E>;

/** The parsed answer of `E`. */
export type EndpointResponse<E extends Endpoint> = z.output<E['response']>;

/** Anything with supabase-js's functions client (it sends the signed-in user's token). */
export type FunctionsInvoker = Pick<SupabaseClient, 'functions'>;

/**
 * Where the functions client comes from: a supabase-js client, or the app's client
 * (`useSupabase()`), whose full client — Edge Functions included — loads on the first call.
 */
export type FunctionsSource = FunctionsInvoker | { full(): Promise<FunctionsInvoker> };

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

/** `<function>/<path with params>?<query>`, leaving out undefined and empty query values. */
export function functionPath(
  endpoint: Endpoint,
  params: Record<string, string> = {},
  query: object = {},
): string {
  const path = endpoint.path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${endpoint.path}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const encoded = search.toString();
  const suffix = encoded ? `?${encoded}` : '';
  return `${endpoint.functionName}/${path}${suffix}`;
}

/**
 * Calls `endpoint` and returns its answer parsed with `endpoint.response`. Throws ApiError with
 * the HTTP status, code, message, field and headers on an error answer (and on an answer that
 * does not match the schema); a network failure is rethrown as supabase-js reports it.
 */
export async function callFunction<E extends Endpoint>(
  client: FunctionsSource,
  endpoint: E,
  ...[args]: object extends CallArgs<E> ? [CallArgs<E>?] : [CallArgs<E>]
): Promise<EndpointResponse<E>> {
  const { params, query, body }: CallParts = args ?? {};
  const path = functionPath(endpoint, params, query);
  const { functions } = 'full' in client ? await client.full() : client;
  const answer = await functions.invoke<unknown>(path, {
    method: endpoint.method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: JSON_HEADERS }),
  });
  const error: unknown = answer.error;
  if (error) throw await toApiError(error);
  const data: unknown = answer.data;
  // 204 and other empty answers arrive as '' (supabase-js reads non-JSON bodies as text).
  const schema: E['response'] = endpoint.response;
  return parseAnswer(schema, data === '' ? null : data, `${endpoint.method} ${path}`);
}

function parseAnswer<S extends z.ZodType>(schema: S, data: unknown, request: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ApiError(
    200,
    'invalid_response',
    `${request}: unexpected response` +
      (issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''),
    { cause: result.error },
  );
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

async function toApiError(error: unknown): Promise<unknown> {
  if (!(error instanceof FunctionsHttpError)) return error;
  const response: unknown = error.context;
  if (!(response instanceof Response)) return error;
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
  return parsed.success
    ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, {
        field: parsed.data.error.field,
        headers: response.headers,
      })
    : new ApiError(response.status, 'http_error', `request failed with status ${response.status}`, {
        headers: response.headers,
      });
}
