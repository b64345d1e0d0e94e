// Routes of qmlab-api. Each handler parses, authorises, calls the database as the caller and
// shapes the answer; parsing and simulation live in @alawein/quantum, the schemas in
// @alawein/qmlab-domain.
import type { Logger } from '@alawein/logger';
import { createFunctionApp, type FunctionApp } from '../_shared/app.ts';
import { authenticate, type AuthVariables } from '../_shared/auth.ts';
import type { FunctionEnv } from '../_shared/env.ts';
import { rateLimit } from '../_shared/rate-limit.ts';
import { registerCircuitRoutes } from './routes/circuits.ts';
import { registerRunRoutes } from './routes/runs.ts';
import { registerForkRoute, registerSharedRoute } from './routes/shared.ts';

/** The name Supabase serves the function under; also its rate-limit policies' function name. */
export const FUNCTION_NAME = 'qmlab-api';

/** Builds the qmlab-api app; `index.ts` serves it, tests call `app.fetch` directly. */
export function createQmlabApp(env: FunctionEnv, logger: Logger): FunctionApp<AuthVariables> {
  const app = createFunctionApp<AuthVariables>(FUNCTION_NAME, env, logger);

  // A shared circuit opens signed out: registered before `authenticate`, it answers first.
  registerSharedRoute(app, env);

  // Every other route needs a signed-in user. Reads and runs spend their budgets here; writes
  // spend the write budget in the database, on the rows they write (so /rest/v1 shares it).
  app.use('*', authenticate(env));
  app.on(['GET', 'HEAD'], '*', rateLimit(FUNCTION_NAME, 'read'));
  app.post('/run', rateLimit(FUNCTION_NAME, 'run'));

  registerCircuitRoutes(app);
  registerRunRoutes(app);
  registerForkRoute(app);
  return app;
}
