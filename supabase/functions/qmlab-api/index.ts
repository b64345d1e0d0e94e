// qmlab-api: QMLab's server side (saved circuits validated by the simulator's own parser,
// server-side runs for bounded circuits, sharing by link and forking).
import { createLogger } from '@alawein/logger';
import { loadFunctionEnv } from '../_shared/env.ts';
import { createQmlabApp } from './app.ts';

const env = loadFunctionEnv();
const app = createQmlabApp(
  env,
  createLogger({ level: env.logLevel, context: { function: 'qmlab-api' } }),
);

Deno.serve(app.fetch);
