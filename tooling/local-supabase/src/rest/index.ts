// The `/rest/v1` service: PostgREST's HTTP interface over the stack's PostgreSQL, executed as
// the caller's role on the authenticator pool so RLS decides what each caller sees.
import { Hono, type Context } from 'hono';
import type { ServiceFactory } from '../context.ts';
import { isJsonContentType } from '../gateway/content-type.ts';
import { markCorsHeaders, withCorsHeaders } from '../gateway/cors.ts';
import { getRequestAuth, requireRequestAuth, type AuthFailure } from '../gateway/request-auth.ts';
import { requestHeaders } from '../gateway/request-headers.ts';
import { RestError, toErrorResponse } from './errors.ts';
import { handleTable } from './handle-table.ts';
import { handleRpc } from './handle-rpc.ts';
import type { RestDeps, RestRequest } from './request.ts';
import type { RestResponse } from './response.ts';
import { readRoleSettings } from './role-settings.ts';
import { introspect } from './schema-cache.ts';

/** 401 bodies as the Supabase gateway and PostgREST answer them. */
function authError(c: Context, failure: AuthFailure): Response {
  switch (failure.reason) {
    case 'expired_jwt':
      return c.json({ code: 'PGRST303', message: 'JWT expired', details: null, hint: null }, 401);
    case 'invalid_jwt':
      return c.json({ code: 'PGRST301', message: failure.message, details: null, hint: null }, 401);
    default:
      return c.json(
        {
          message: failure.message,
          hint: 'Double check your Supabase `anon` or `service_role` API key.',
        },
        401,
      );
  }
}

/** The answer with the gateway's CORS headers merged in (no Fetch `Headers` object needed). */
/**
 * Path and query of the absolute URL @hono/node-server hands us: it is already normalised (only
 * URL-safe characters, no dot segments), so slicing it gives what `new URL()` would, for less.
 */
function requestTarget(url: string): { pathname: string; search: URLSearchParams } {
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  const hash = url.indexOf('#', pathStart);
  const end = hash < 0 ? url.length : hash;
  const query = url.indexOf('?', pathStart);
  const pathEnd = query < 0 || query > end ? end : query;
  return {
    pathname: pathStart < 0 ? '/' : url.slice(pathStart, pathEnd),
    search: new URLSearchParams(pathEnd < end ? url.slice(pathEnd + 1, end) : ''),
  };
}

function toResponse(c: Context, result: RestResponse): Response {
  return markCorsHeaders(
    c,
    new Response(result.body, {
      status: result.status,
      headers: withCorsHeaders(c, result.headers),
    }),
  );
}

/** Creates the `/rest/v1` service; its schema cache reloads on `reload()`. */
export const createRestService: ServiceFactory = async (ctx) => {
  const schemas = ctx.config.api?.schemas ?? ['public'];
  const deps: RestDeps = {
    cache: await introspect(ctx.adminPool, schemas),
    pool: ctx.apiPool,
    schemas,
    maxRows: ctx.config.api?.maxRows ?? null,
    generation: 0,
    roleSettings: await readRoleSettings(ctx.adminPool),
    txEnd: ctx.config.api?.txEnd ?? 'commit',
  };
  const app = new Hono();
  app.use(
    '*',
    requireRequestAuth(ctx.config, {
      onError: authError,
      // Read-only requests may carry the key in the URL, as on hosted Supabase (whose gateway
      // strips it before PostgREST sees it).
      apikeyInQuery: (c) => c.req.method === 'GET' || c.req.method === 'HEAD',
    }),
  );

  const serve = async (
    c: Context,
    route: (request: RestRequest) => Promise<RestResponse>,
  ): Promise<Response> => {
    const auth = getRequestAuth(c);
    const url = requestTarget(c.req.url);
    // Hosted Supabase's gateway takes the key out of the URL; it is never a column filter.
    url.search.delete('apikey');
    const headers = requestHeaders(c);
    try {
      const method = c.req.method;
      const body =
        method === 'POST' || method === 'PATCH' || method === 'PUT' ? await c.req.text() : null;
      if (body !== null && body.trim() !== '' && !isJsonContentType(headers['content-type'])) {
        throw new RestError(
          415,
          'PGRST107',
          `Content-Type not acceptable: ${headers['content-type'] ?? '(none)'}`,
          { details: 'Send request bodies as application/json' },
        );
      }
      const path = url.pathname.replace(/^.*?\/rest\/v1/, '') || '/';
      return toResponse(c, await route({ method, path, search: url.search, headers, body, auth }));
    } catch (error) {
      const mapped = toErrorResponse(error, auth.role === 'anon');
      return toResponse(c, {
        status: mapped.status,
        headers: { 'content-type': 'application/json; charset=utf-8', ...mapped.headers },
        body: JSON.stringify(mapped.body),
      });
    }
  };

  const invalidPath = (): never => {
    throw new RestError(404, 'PGRST125', 'Invalid path specified in request URL');
  };
  // `/rpc/:fn` is matched as `/:prefix/:fn`: a static segment beside `/:table` is a pattern
  // Hono's RegExpRouter refuses, and one refused route puts the whole gateway on its slower
  // TrieRouter (2-3 % of the gateway's CPU per request).
  app.all('/:prefix/:fn', (c) =>
    c.req.param('prefix') === 'rpc'
      ? serve(c, (request) => handleRpc(deps, request, c.req.param('fn')))
      : serve(c, invalidPath),
  );
  app.all('/:table', (c) =>
    serve(c, (request) => handleTable(deps, request, c.req.param('table'))),
  );
  app.all('*', (c) => serve(c, invalidPath));

  return {
    basePath: '/rest/v1',
    app,
    reload: async () => {
      deps.cache = await introspect(ctx.adminPool, schemas);
      deps.roleSettings = await readRoleSettings(ctx.adminPool);
      deps.generation += 1;
    },
    close: () => Promise.resolve(),
  };
};
