// Routes of repz-api. Each handler parses, authorises, calls the database as the caller and
// shapes the answer; the logic itself lives in @alawein/repz-domain and SQL functions.
import type { Logger } from '@alawein/logger';
import type { Context } from 'hono';
import { createFunctionApp, type AppVariables, type FunctionApp } from '../_shared/app.ts';
import { requireCaller, type Caller } from '../_shared/auth.ts';
import type { FunctionEnv } from '../_shared/env.ts';
import { consumeRateLimit, requestKind } from '../_shared/rate-limit.ts';
import { registerCoachRoutes } from './routes/coach.ts';
import { registerProgressRoutes } from './routes/progress.ts';
import { registerWorkoutRoutes } from './routes/workouts.ts';

export type RepzContext = Context<{ Variables: AppVariables & { caller: Caller } }>;

/** Builds the repz-api app; `index.ts` serves it, tests call `app.fetch` directly. */
export function createRepzApp(env: FunctionEnv, logger: Logger): FunctionApp {
  const app = createFunctionApp('repz-api', env, logger);

  // Every route but /health needs a signed-in user and spends from their request budget.
  app.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS' || c.req.path === '/repz-api/health') return next();
    const caller = await requireCaller(env, c.req.raw);
    c.set('userId', caller.user.id);
    (c as unknown as RepzContext).set('caller', caller);
    await consumeRateLimit(caller.db, requestKind(c.req.method));
    return next();
  });

  registerWorkoutRoutes(app);
  registerProgressRoutes(app);
  registerCoachRoutes(app);
  return app;
}

/** The signed-in caller set by the middleware above. */
export function callerOf(c: Context): Caller {
  return (c as unknown as RepzContext).get('caller');
}
