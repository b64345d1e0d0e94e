// Routes of simcore-api. Each handler parses, authorises, calls the database as the caller and
// shapes the answer; the physics lives in @alawein/simcore-engine, the rules in SQL.
import type { Logger } from '@alawein/logger';
import type { Context } from 'hono';
import { createFunctionApp, type FunctionApp } from '../_shared/app.ts';
import { requireCaller, type Caller } from '../_shared/auth.ts';
import { ApiError } from '../_shared/errors.ts';
import type { FunctionEnv } from '../_shared/env.ts';
import { consumeRateLimit, requestKind } from '../_shared/rate-limit.ts';
import { registerRunRoutes } from './routes/runs.ts';
import { registerSharedRoutes } from './routes/shared.ts';

export const FUNCTION_NAME = 'simcore-api';

// The caller of each request, keyed by the request itself (set once by the middleware below).
const callers = new WeakMap<Request, Caller>();

/** Paths served without a signed-in user: health and shared runs (read by their token). */
const PUBLIC_PATH = /^\/simcore-api\/(health|shared\/[^/]*)$/;

/** Builds the simcore-api app; `index.ts` serves it, tests call `app.fetch` directly. */
export function createSimcoreApp(env: FunctionEnv, logger: Logger): FunctionApp {
  const app = createFunctionApp(FUNCTION_NAME, env, logger);

  // Every route but the public ones needs a signed-in user and spends from their budget.
  app.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS' || PUBLIC_PATH.test(c.req.path)) return next();
    const caller = await requireCaller(env, c.req.raw);
    c.set('userId', caller.user.id);
    callers.set(c.req.raw, caller);
    await consumeRateLimit(caller.db, requestKind(c.req.method));
    return next();
  });

  registerSharedRoutes(app, env);
  registerRunRoutes(app);
  return app;
}

/** The signed-in caller set by the middleware above. */
export function callerOf(c: Context): Caller {
  const caller = callers.get(c.req.raw);
  if (!caller) throw new ApiError(401, 'unauthorized', 'sign in first');
  return caller;
}
