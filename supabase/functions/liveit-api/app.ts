// Routes of liveit-api. Each handler parses, authorises and calls SQL: reads as the caller
// (RLS), writes of orders, payments and reviews through service-role-only SQL functions that
// take prices from the database. The rules live in @alawein/liveit-domain and those functions.
import type { Logger } from '@alawein/logger';
import type { TypedSupabaseClient } from '@alawein/supabase-client/server';
import type Stripe from 'stripe';
import { createFunctionApp, type FunctionApp } from '../_shared/app.ts';
import { authenticate, type AuthVariables } from '../_shared/auth.ts';
import type { FunctionEnv } from '../_shared/env.ts';
import { ApiError } from '../_shared/errors.ts';
import { rateLimit } from '../_shared/rate-limit.ts';
import { connectServiceDatabase, type ServiceDatabase } from '../_shared/service-database.ts';
import type { LiveitConfig } from '../_liveit/config.ts';
import { createServiceClient } from '../_liveit/service.ts';
import { createStripe } from '../_liveit/stripe.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerCartRoutes } from './routes/cart.ts';
import { registerCheckoutRoutes } from './routes/checkout.ts';
import { registerOrderRoutes } from './routes/orders.ts';
import { registerReviewRoutes } from './routes/reviews.ts';

/** The name Supabase serves the function under; also its rate-limit policies' function name. */
export const FUNCTION_NAME = 'liveit-api';

/** What route handlers need besides the request. */
export interface LiveitDeps {
  config: LiveitConfig;
  service: TypedSupabaseClient;
  /** POST /checkout's direct connection: one transaction spends the budget and places the order. */
  database: ServiceDatabase;
  stripe: Stripe;
}

/**
 * Builds the liveit-api app; `index.ts` serves it, tests call `app.fetch` directly. `stripe`
 * defaults to the client for STRIPE_SECRET_KEY; tests pass one aimed at a local stand-in.
 */
export function createLiveitApp(
  env: FunctionEnv,
  config: LiveitConfig,
  logger: Logger,
  stripe: Stripe = createStripe(config.stripeSecretKey),
): FunctionApp<AuthVariables> {
  if (!env.supabaseDbUrl) {
    throw new Error(
      'Missing environment variable SUPABASE_DB_URL: hosted Supabase and the local stack set it.',
    );
  }
  const app = createFunctionApp<AuthVariables>(FUNCTION_NAME, env, logger);
  const deps: LiveitDeps = {
    config,
    service: createServiceClient(env, config),
    database: connectServiceDatabase(env.supabaseDbUrl),
    stripe,
  };

  // Every route but /health needs a signed-in user. Both budgets are spent here: orders and
  // reviews are written by service-role SQL (no user for a row trigger to charge), so the
  // request is the one place that knows who is writing. POST /checkout spends its write in
  // the order's own transaction (liveit_place_order), saving a round trip on the hot path.
  app.use('*', authenticate(env));
  app.on(['GET', 'HEAD'], '*', rateLimit(FUNCTION_NAME, 'read'));
  const spendWrite = rateLimit(FUNCTION_NAME, 'write');
  const checkoutPath = `/${FUNCTION_NAME}/checkout`;
  app.on(['POST', 'PATCH', 'DELETE'], '*', (c, next) =>
    c.req.method === 'POST' && c.req.path === checkoutPath ? next() : spendWrite(c, next),
  );
  // app_metadata is written only by the service role, so the claim can be trusted.
  app.use('/admin/*', async (c, next) => {
    if (c.get('caller').user.app_metadata.role !== 'admin') {
      throw new ApiError(403, 'forbidden', 'only shop admins may do this');
    }
    await next();
  });

  registerCheckoutRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerCartRoutes(app);
  registerReviewRoutes(app, deps);
  registerAdminRoutes(app, deps);
  return app;
}
