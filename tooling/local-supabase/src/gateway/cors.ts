// CORS headers on every answer, as Hono's `cors()` writes them, without its cost on the hot
// path: Hono's middleware builds a response before the handler runs and then merges it into the
// handler's, which turns @hono/node-server's lightweight Response into a full WHATWG one (body
// stream included) on every request. Here the headers are added once to the handler's answer, or
// by the handler itself when it builds its headers as a record (`withCorsHeaders`), which spares
// a Fetch `Headers` object too. Preflights (OPTIONS) still go to Hono's middleware.
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { requestHeader } from './request-headers.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `corsHeaders`; read it with `withCorsHeaders(c, …)`. */
    corsHeaders: Readonly<Record<string, string>>;
    /** The answer `markCorsHeaders` vouched for. */
    corsAnswer: Response;
  }
}

export interface CorsOptions {
  /** Whether a browser page at this origin may read answers. */
  originAllowed(origin: string): boolean;
  allowMethods: string[];
  exposeHeaders: string[];
  maxAge: number;
}

/**
 * `headers` plus the request's CORS headers, for a handler that builds its answer's headers as a
 * record; pass the answer to `markCorsHeaders` so the middleware leaves it alone.
 */
export function withCorsHeaders(
  c: Context,
  headers: Record<string, string>,
): Record<string, string> {
  const extra = c.get('corsHeaders') as Readonly<Record<string, string>> | undefined;
  if (!extra) return headers;
  const merged = { ...headers, ...extra };
  if (headers.vary !== undefined) merged.vary = `${headers.vary}, ${extra.vary ?? ''}`;
  return merged;
}

/** Records that `response` was built with `withCorsHeaders`; returns it. */
export function markCorsHeaders(c: Context, response: Response): Response {
  c.set('corsAnswer', response);
  return response;
}

/** Middleware: preflight answers and `Access-Control-*` headers for allowed origins. */
export function corsHeaders(options: CorsOptions): MiddlewareHandler {
  const preflight = cors({
    origin: (origin) => (options.originAllowed(origin) ? origin : null),
    allowMethods: options.allowMethods,
    exposeHeaders: options.exposeHeaders,
    credentials: true,
    maxAge: options.maxAge,
  });
  const exposed = options.exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = requestHeader(c, 'origin');
    const allowed = origin !== undefined && origin !== '' && options.originAllowed(origin);
    const headers: Record<string, string> = {
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': exposed,
      vary: 'Origin',
    };
    if (allowed) headers['access-control-allow-origin'] = origin;
    c.set('corsHeaders', headers);
    await next();
    if (c.get('corsAnswer') === c.res) return;
    const write = (target: Headers): void => {
      for (const [name, value] of Object.entries(headers)) {
        if (name === 'vary') target.append(name, value);
        else target.set(name, value);
      }
    };
    try {
      write(c.res.headers);
    } catch (error) {
      // A fetched Response's headers are immutable: answer with a copy.
      if (!(error instanceof TypeError)) throw error;
      c.res = new Response(c.res.body, c.res);
      write(c.res.headers);
    }
  };
}
