// simcore-api: SimCore's saved runs (create, lifecycle, results, sharing, stats) with quotas.
import { createLogger } from '@alawein/logger';
import { loadFunctionEnv } from '../_shared/env.ts';
import { createSimcoreApp } from './app.ts';

const env = loadFunctionEnv();
const app = createSimcoreApp(
  env,
  createLogger({ level: env.logLevel, context: { function: 'simcore-api' } }),
);

Deno.serve(app.fetch);
