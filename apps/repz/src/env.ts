import { builtAppEnv, parseAppEnv, type AppEnv } from '@alawein/app-kit/env';

/**
 * REPZ's environment; the only module that reads import.meta.env (variables: apps/repz/.env.example).
 * Under the dev server it is validated here with zod. A build validates the same values with the same
 * schema in the Vite config, failing on any problem, and bakes them in as constants, so the bundle
 * takes them as they are and leaves the validator off the first page.
 */
export function readEnv(): AppEnv {
  return import.meta.env.DEV
    ? parseAppEnv(import.meta.env, { app: 'repz' })
    : builtAppEnv(import.meta.env, { app: 'repz' });
}
