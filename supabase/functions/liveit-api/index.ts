// liveit-api: LiveIt's server-side logic (checkout with stock holds, orders, payments in test
// mode, cart merge, reviews, the admin's order, stock and catalogue routes).
import { createLogger } from '@alawein/logger';
import { loadFunctionEnv } from '../_shared/env.ts';
import { loadLiveitConfig } from '../_liveit/config.ts';
import { createLiveitApp } from './app.ts';

const env = loadFunctionEnv();
const app = createLiveitApp(
  env,
  loadLiveitConfig(env),
  createLogger({ level: env.logLevel, context: { function: 'liveit-api' } }),
);

Deno.serve(app.fetch);
