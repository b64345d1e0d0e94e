// The skeleton every function shares: CORS, a request id, one JSON log line per request,
// the error shape, 404s, and the health route.
import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Logger } from '@alawein/logger';
import { ApiError } from './errors.ts';
import { checkDatabase } from './health.ts';
import type { FunctionEnv } from './env.ts';

/** What every function's context carries; `userId` is set once the caller is known. */
export interface AppVariables {
  requestId: string;
  log: Logger;
  userId?: string;
}

/** The Hono environment of a function whose middleware adds the context variables `V`. */
export interface FunctionEnvironment<V extends object = object> {
  Variables: AppVariables & V;
}

/** A function's app; routes take it with the variables they read (e.g. `AuthVariables`). */
export type FunctionApp<V extends object = object> = Hono<FunctionEnvironment<V>>;

/**
 * Creates the Hono app for function `name`, mounted at `/<name>` as Supabase routes it. `V` are
 * the context variables the function's own middleware sets (e.g. `authenticate` sets
 * `AuthVariables`), so routes read them typed with `c.get(...)`.
 */
export function createFunctionApp<V extends object = object>(
  name: string,
  env: FunctionEnv,
  logger: Logger,
): FunctionApp<V> {
  const app = new Hono<FunctionEnvironment<V>>().basePath(`/${name}`);

  app.use(
    '*',
    cors({
      origin: '*',
      allowHeaders: ['authorization', 'x-client-info', 'apikey', 'content-type', 'x-request-id'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['retry-after', 'x-request-id'],
      maxAge: 600,
    }),
  );

  app.use('*', requestContext(logger));

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      if (error.status >= 500) c.get('log')?.error('request failed', { error, cause: error.cause });
      return errorResponse(error);
    }
    c.get('log')?.error('unhandled error', { error });
    return errorResponse(new ApiError(500, 'internal_error', 'unexpected error'));
  });

  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'not_found',
          message: `no route ${c.req.method} ${new URL(c.req.url).pathname}`,
        },
      },
      404,
    ),
  );

  app.get('/health', async (c) => {
    const check = await checkDatabase(env);
    return check.ok
      ? c.json({ status: 'ok', checks: { database: 'ok' } }, 200)
      : c.json({ status: 'unavailable', checks: { database: check.reason } }, 503);
  });

  return app;
}

/** Sets the request id and a logger bound to it, and logs one line when the request ends. */
function requestContext(logger: Logger): MiddlewareHandler<FunctionEnvironment> {
  return async (c, next) => {
    const requestId = c.req.header('x-request-id') ?? crypto.randomUUID();
    const log = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const timer = log.startTimer();
    await next();
    c.header('x-request-id', requestId);
    const status = c.res.status;
    timer.done(
      'request',
      { method: c.req.method, route: c.req.routePath, status, userId: c.get('userId') },
      status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
    );
  };
}

/** The error's JSON body with its status and headers (e.g. Retry-After). */
function errorResponse(error: ApiError): Response {
  const headers = new Headers(error.headers);
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(error.toBody()), { status: error.status, headers });
}
