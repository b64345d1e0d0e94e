// Request headers for the gateway's hot path. `c.req.header()` reads a Fetch `Headers` object,
// which @hono/node-server builds from Node's request on first use and which validates every
// name and value it is given: measurable on every request. Behind Node's server the headers are
// read from the raw header list instead, with the same result (names lower-cased, repeated
// headers joined with ", " as `Headers` joins them).
import { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `requestHeaders` on first use. */
    requestHeaders: Readonly<Record<string, string>>;
  }
}

/** Node's request behind `c`, when the gateway runs on @hono/node-server. */
function incomingOf(c: Context): IncomingMessage | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  return env.incoming instanceof IncomingMessage ? env.incoming : undefined;
}

function fromRawHeaders(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    const value = raw[i + 1] ?? '';
    const previous = headers[name];
    headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return headers;
}

function fromFetchHeaders(source: Headers): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  source.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

/** Every request header, lower-cased names; computed once per request. */
export function requestHeaders(c: Context): Readonly<Record<string, string>> {
  let headers = c.get('requestHeaders') as Readonly<Record<string, string>> | undefined;
  if (headers === undefined) {
    const incoming = incomingOf(c);
    headers = incoming ? fromRawHeaders(incoming.rawHeaders) : fromFetchHeaders(c.req.raw.headers);
    c.set('requestHeaders', headers);
  }
  return headers;
}

/** One request header (`name` lower-case), undefined when absent. */
export function requestHeader(c: Context, name: string): string | undefined {
  return requestHeaders(c)[name];
}
