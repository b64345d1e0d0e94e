// Public API of @alawein/local-supabase: start a Docker-less Supabase stack from code.
export { startStack, type RunningStack, type StartStackOptions } from './stack.ts';
export {
  DEFAULT_API_PORT,
  DEFAULT_DB_PORT,
  DEMO_ANON_KEY,
  DEMO_JWT_SECRET,
  DEMO_SERVICE_ROLE_KEY,
  findProjectRoot,
  resolveConfig,
  type ConfigOptions,
} from './config.ts';
export type {
  AuthSettings,
  RequestAuth,
  ServiceFactory,
  StackConfig,
  StackContext,
  StackService,
} from './context.ts';
export { generateTypes, writeTypes } from './types.ts';
export { freePort } from './free-port.ts';
export { withRequestTransaction, type RequestScope } from './db/request-transaction.ts';
