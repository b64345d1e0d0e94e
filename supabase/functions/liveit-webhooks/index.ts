// liveit-webhooks: Stripe Checkout events for LiveIt orders (signature-verified, idempotent).
import { createLogger } from '@alawein/logger';
import { loadFunctionEnv } from '../_shared/env.ts';
import { loadLiveitConfig } from '../_liveit/config.ts';
import { createWebhooksApp } from './app.ts';

const env = loadFunctionEnv();
const app = createWebhooksApp(
  env,
  loadLiveitConfig(env),
  createLogger({ level: env.logLevel, context: { function: 'liveit-webhooks' } }),
);

Deno.serve(app.fetch);
