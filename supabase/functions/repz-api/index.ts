// repz-api: REPZ's server-side logic (atomic workout writes, progress, stats, coaching).
import { createLogger } from '@alawein/logger';
import { loadFunctionEnv } from '../_shared/env.ts';
import { createRepzApp } from './app.ts';

const env = loadFunctionEnv();
const app = createRepzApp(
  env,
  createLogger({ level: env.logLevel, context: { function: 'repz-api' } }),
);

Deno.serve(app.fetch);
