import { parseAppEnv, type AppEnv } from '@alawein/app-kit/env';

/**
 * QMLab's validated environment; the only module that reads import.meta.env.
 * Variables and where to set them: apps/qmlab/.env.example.
 */
export function readEnv(): AppEnv {
  return parseAppEnv(import.meta.env, { app: 'qmlab' });
}
