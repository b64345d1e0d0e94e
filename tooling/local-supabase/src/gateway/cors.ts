// CORS headers on every answer, as Hono's `cors()` writes them, without its cost on the hot
// path: Hono's middleware builds a response before the handler runs and then merges it into the
// handler's, which turns @hono/node-server's lightweight Response into a full WHATWG one (body
// stream included) on every request. Here the headers are set once on the handler's answer.
// Preflights (OPTIONS) still go to Hono's middleware, whose answer they are.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export interface CorsOptions {
  /** Whether a browser page at this origin may read answers. */
  originAllowed(origin: string): boolean;
  allowMethods: string[];
  exposeHeaders: string[];
  maxAge: number;
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
    await next();
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && origin !== '' && options.originAllowed(origin);
    const write = (headers: Headers): void => {
      if (allowed) headers.set('Access-Control-Allow-Origin', origin);
      headers.set('Access-Control-Allow-Credentials', 'true');
      headers.set('Access-Control-Expose-Headers', exposed);
      headers.append('Vary', 'Origin');
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
