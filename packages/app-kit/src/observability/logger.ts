import { consoleSink, createLogger, sentryBreadcrumbSink, type Logger } from '@alawein/logger';
import type { AppEnv } from '../env/app-env.ts';
import { addSentryBreadcrumb } from './sentry.ts';

/** The app's logger: JSON lines to the console and, once Sentry runs, breadcrumbs to Sentry. */
export function createAppLogger(app: string, env: AppEnv): Logger {
  return createLogger({
    level: env.appEnv === 'development' ? 'debug' : 'info',
    context: { app, appEnv: env.appEnv },
    sinks: [consoleSink(), sentryBreadcrumbSink(addSentryBreadcrumb)],
  });
}
