// Routes of simcore-api. Each handler parses, authorises, calls the database as the caller and
// shapes the answer; the physics lives in @alawein/simcore-engine, the rules in SQL, the API
// contract in @alawein/simcore-domain.
import type { Logger } from '@alawein/logger';
import { createFunctionApp, type FunctionApp } from '../_shared/app.ts';
import { authenticate, type AuthVariables } from '../_shared/auth.ts';
import type { FunctionEnv } from '../_shared/env.ts';
import { rateLimit } from '../_shared/rate-limit.ts';
import { registerRunRoutes } from './routes/runs.ts';
import { registerSharedRoutes } from './routes/shared.ts';

/** The name Supabase serves the function under; also its rate-limit policies' function name. */
export const FUNCTION_NAME = 'simcore-api';

/** Builds the simcore-api app; `index.ts` serves it, tests call `app.fetch` directly. */
export function createSimcoreApp(env: FunctionEnv, logger: Logger): FunctionApp<AuthVariables> {
  const app = createFunctionApp<AuthVariables>(FUNCTION_NAME, env, logger);

  // A shared run is read by its token, signed in or not: registered before authenticate.
  registerSharedRoutes(app, env);

  // Everything else needs a signed-in user. Reads spend the read budget here; writes spend the
  // write budget in the database, on the rows they write (so /rest/v1 shares it).
  app.use('*', authenticate(env));
  app.on(['GET', 'HEAD'], '*', rateLimit(FUNCTION_NAME, 'read'));
  registerRunRoutes(app);
  return app;
}
