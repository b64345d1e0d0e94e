// Routes of repz-api. Each handler parses, authorises, calls the database as the caller and
// shapes the answer; the logic itself lives in @alawein/repz-domain and SQL functions.
import type { Logger } from '@alawein/logger';
import { createFunctionApp, type FunctionApp } from '../_shared/app.ts';
import { authenticate, type AuthVariables } from '../_shared/auth.ts';
import type { FunctionEnv } from '../_shared/env.ts';
import { rateLimit } from '../_shared/rate-limit.ts';
import { registerCoachRoutes } from './routes/coach.ts';
import { registerProgressRoutes } from './routes/progress.ts';
import { registerWorkoutRoutes } from './routes/workouts.ts';

/** The name Supabase serves the function under; also its rate-limit policies' function name. */
export const FUNCTION_NAME = 'repz-api';

/** Builds the repz-api app; `index.ts` serves it, tests call `app.fetch` directly. */
export function createRepzApp(env: FunctionEnv, logger: Logger): FunctionApp<AuthVariables> {
  const app = createFunctionApp<AuthVariables>(FUNCTION_NAME, env, logger);

  // Every route but /health needs a signed-in user. Reads spend the read budget here; writes
  // spend the write budget in the database, on the rows they write (so /rest/v1 shares it).
  app.use('*', authenticate(env));
  app.on(['GET', 'HEAD'], '*', rateLimit(FUNCTION_NAME, 'read'));

  registerWorkoutRoutes(app);
  registerProgressRoutes(app);
  registerCoachRoutes(app);
  return app;
}
