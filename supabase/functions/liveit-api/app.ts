// Routes of liveit-api. Each handler parses, authorises and calls SQL: reads as the caller
// (RLS), writes of orders, payments and reviews through service-role-only SQL functions that
// take prices from the database. The rules live in @alawein/liveit-domain and those functions.
import type { Logger } from '@alawein/logger';
import type { TypedSupabaseClient } from '@alawein/supabase-client/server';
import type { Context } from 'hono';
import { createFunctionApp, type AppVariables, type FunctionApp } from '../_shared/app.ts';
import { requireCaller, type Caller } from '../_shared/auth.ts';
import type { FunctionEnv } from '../_shared/env.ts';
import { ApiError } from '../_shared/errors.ts';
import type { LiveitConfig } from '../_liveit/config.ts';
import { createServiceClient } from '../_liveit/service.ts';
import { createStripe } from '../_liveit/stripe.ts';
import type Stripe from 'stripe';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerCartRoutes } from './routes/cart.ts';
import { registerCheckoutRoutes } from './routes/checkout.ts';
import { registerOrderRoutes } from './routes/orders.ts';
import { registerReviewRoutes } from './routes/reviews.ts';

/** What every route handler needs besides the request. */
export interface LiveitDeps {
  config: LiveitConfig;
  service: TypedSupabaseClient;
  stripe: Stripe;
}

type LiveitContext = Context<{ Variables: AppVariables & { caller: Caller } }>;

/** Builds the liveit-api app; `index.ts` serves it, tests call `app.fetch` directly. */
export function createLiveitApp(
  env: FunctionEnv,
  config: LiveitConfig,
  logger: Logger,
): FunctionApp {
  const app = createFunctionApp('liveit-api', env, logger);
  const deps: LiveitDeps = {
    config,
    service: createServiceClient(env, config),
    stripe: createStripe(config.stripeSecretKey),
  };

  // Every route but /health needs a signed-in user; /admin/* an admin (app_metadata.role,
  // which only the service role can write).
  app.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS' || c.req.path === '/liveit-api/health') return next();
    const caller = await requireCaller(env, c.req.raw);
    c.set('userId', caller.user.id);
    (c as unknown as LiveitContext).set('caller', caller);
    if (c.req.path.startsWith('/liveit-api/admin/') && caller.user.app_metadata.role !== 'admin') {
      throw new ApiError(403, 'forbidden', 'only shop admins may do this');
    }
    return next();
  });

  registerCheckoutRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerCartRoutes(app);
  registerReviewRoutes(app, deps);
  registerAdminRoutes(app, deps);
  return app;
}

/** The signed-in caller set by the middleware above. */
export function callerOf(c: Context): Caller {
  return (c as unknown as LiveitContext).get('caller');
}
