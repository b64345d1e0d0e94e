// Routes of qmlab-api. Each handler parses, authorises, calls the database as the caller and
// shapes the answer; parsing and simulation live in @alawein/quantum, the schemas in
// @alawein/qmlab-domain.
import type { Logger } from '@alawein/logger';
import type { Context } from 'hono';
import { createFunctionApp, type FunctionApp } from '../_shared/app.ts';
import { requireCaller, type Caller } from '../_shared/auth.ts';
import type { FunctionEnv } from '../_shared/env.ts';
import { consumeRateLimit, requestKind } from '../_shared/rate-limit.ts';
import { registerCircuitRoutes } from './routes/circuits.ts';
import { registerRunRoutes } from './routes/runs.ts';
import { registerSharedRoutes } from './routes/shared.ts';

/** The caller of each authenticated request, keyed by the request itself. */
const callers = new WeakMap<Request, Caller>();

/** Routes anyone may call without signing in: health and reading a shared circuit. */
const PUBLIC_ROUTE = /^\/qmlab-api\/(health|shared\/[^/]+)$/;

/** Builds the qmlab-api app; `index.ts` serves it, tests call `app.fetch` directly. */
export function createQmlabApp(env: FunctionEnv, logger: Logger): FunctionApp {
  const app = createFunctionApp('qmlab-api', env, logger);

  app.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    if (c.req.method === 'GET' && PUBLIC_ROUTE.test(c.req.path)) return next();
    const caller = await requireCaller(env, c.req.raw);
    c.set('userId', caller.user.id);
    callers.set(c.req.raw, caller);
    await consumeRateLimit(caller.db, requestKind(c.req.method));
    return next();
  });

  registerCircuitRoutes(app);
  registerRunRoutes(app);
  registerSharedRoutes(app, env);
  return app;
}

/** The signed-in caller set by the middleware above. */
export function callerOf(c: Context): Caller {
  const caller = callers.get(c.req.raw);
  if (!caller) throw new Error('callerOf used on a route the auth middleware skipped');
  return caller;
}
