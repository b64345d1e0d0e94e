type Bag = Record<string, unknown>;

const asBag = (value: unknown): Bag | undefined =>
  typeof value === 'object' && value !== null ? (value as Bag) : undefined;

const asStatus = (value: unknown): number | undefined => {
  const status = typeof value === 'string' ? Number(value) : value;
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
};

/**
 * The HTTP status behind an error from any Supabase client: `status` (SupabaseRequestError,
 * AuthApiError, StorageApiError), `statusCode` (storage's string codes), or `context.status`
 * (FunctionsHttpError wraps the Response).
 */
export function getErrorStatus(error: unknown): number | undefined {
  const bag = asBag(error);
  if (!bag) return undefined;
  return asStatus(bag.status) ?? asStatus(bag.statusCode) ?? asStatus(asBag(bag.context)?.status);
}

// Messages fetch() rejects with in Chromium, Node/undici and Deno, Firefox, Safari.
const NETWORK_MESSAGE =
  /failed to fetch|fetch failed|networkerror|network request failed|load failed|error sending request|connection (refused|reset)/i;
const NETWORK_NAMES = new Set(['AuthRetryableFetchError', 'FunctionsFetchError', 'NetworkError']);

/** True when the request got no HTTP answer at all (offline, DNS, refused, reset). Aborts are not. */
export function isNetworkError(error: unknown): boolean {
  const bag = asBag(error);
  if (!bag) return false;
  const name = typeof bag.name === 'string' ? bag.name : '';
  if (name === 'AbortError') return false;
  if (getErrorStatus(error) === 0) return true; // supabase-js reports "no response" as status 0
  if (NETWORK_NAMES.has(name) && getErrorStatus(error) === undefined) return true;
  const message = typeof bag.message === 'string' ? bag.message : '';
  return (name === 'TypeError' || name === 'FunctionsFetchError') && NETWORK_MESSAGE.test(message);
}

const headerValue = (headers: unknown, name: string): string | undefined => {
  if (typeof Headers !== 'undefined' && headers instanceof Headers)
    return headers.get(name) ?? undefined;
  const bag = asBag(headers);
  if (!bag) return undefined;
  const found = Object.keys(bag).find((key) => key.toLowerCase() === name);
  const value = found === undefined ? undefined : bag[found];
  return typeof value === 'string' ? value : undefined;
};

/** Parses a Retry-After value (delta seconds or HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(
  value: string | undefined | null,
  now: number = Date.now(),
): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The server's Retry-After, in ms, when the error carries response headers: `headers`,
 * `response.headers`, or `context.headers` (FunctionsHttpError's Response).
 */
export function getRetryAfterMs(error: unknown, now: number = Date.now()): number | undefined {
  const bag = asBag(error);
  if (!bag) return undefined;
  for (const holder of [bag, asBag(bag.response), asBag(bag.context)]) {
    const value = headerValue(holder?.headers, 'retry-after');
    if (value !== undefined) return parseRetryAfter(value, now);
  }
  return undefined;
}
