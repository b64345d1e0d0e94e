// Sentry is optional and heavy, so it is imported only when a DSN is set, after the first paint.
// Until it has loaded, errors wait in a short queue and breadcrumbs are dropped.
import type * as SentryModule from '@sentry/react';
import type { SentryBreadcrumb } from '@alawein/logger';
import type { AppEnv } from '../env/app-env.ts';
import { afterFirstPaint } from './after-first-paint.ts';

type Sentry = typeof SentryModule;

const MAX_QUEUED_ERRORS = 20;

let sentry: Sentry | undefined;
let loading: Promise<Sentry | undefined> = Promise.resolve(undefined);
const queuedErrors: { error: unknown; context: Record<string, unknown> }[] = [];

/** Starts Sentry after first paint when `env.sentryDsn` is set (tracesSampleRate 0.1); otherwise does nothing. */
export function initSentryLazily(env: AppEnv, app: string): void {
  const dsn = env.sentryDsn;
  if (dsn === undefined) return;
  loading = new Promise((resolve) => {
    afterFirstPaint(() => {
      import('@sentry/react')
        .then((module) => {
          module.init({
            dsn,
            environment: env.appEnv,
            tracesSampleRate: 0.1,
            integrations: [module.browserTracingIntegration()],
            initialScope: { tags: { app } },
          });
          sentry = module;
          for (const { error, context } of queuedErrors.splice(0))
            module.captureException(error, { extra: context });
          resolve(module);
        })
        .catch(() => resolve(undefined));
    });
  });
}

/** Resolves with Sentry once loaded, or undefined when it is off or failed to load. */
export function whenSentryLoaded(): Promise<Sentry | undefined> {
  return loading;
}

/** Sends an error to Sentry now, or once it has loaded. */
export function captureError(error: unknown, context: Record<string, unknown> = {}): void {
  if (sentry) sentry.captureException(error, { extra: context });
  else if (queuedErrors.length < MAX_QUEUED_ERRORS) queuedErrors.push({ error, context });
}

/** Records a breadcrumb when Sentry is running (the logger's Sentry sink). */
export function addSentryBreadcrumb(breadcrumb: SentryBreadcrumb): void {
  sentry?.addBreadcrumb(breadcrumb);
}
