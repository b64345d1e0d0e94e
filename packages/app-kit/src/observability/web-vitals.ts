// LCP, INP and CLS from real visitors, in production only: to Sentry as distribution metrics and
// to Vercel Web Analytics as events. Both libraries load after first paint, never on the first page.
import type { Metric } from 'web-vitals';
import type { AppEnv } from '../env/app-env.ts';
import { afterFirstPaint } from './after-first-paint.ts';
import { whenSentryLoaded } from './sentry.ts';

/** Starts Web Vitals reporting when the app runs in production; does nothing elsewhere. */
export function reportWebVitalsInProduction(env: AppEnv, app: string): void {
  if (env.appEnv !== 'production') return;
  afterFirstPaint(() => {
    void Promise.all([import('web-vitals'), import('@vercel/analytics')]).then(
      ([vitals, analytics]) => {
        analytics.inject({ mode: 'production' });
        const report = (metric: Metric) => {
          const attributes = { app, rating: metric.rating, path: window.location.pathname };
          analytics.track('web-vital', { name: metric.name, value: metric.value, ...attributes });
          void whenSentryLoaded().then((sentry) =>
            sentry?.metrics.distribution(`web_vitals.${metric.name.toLowerCase()}`, metric.value, {
              unit: metric.name === 'CLS' ? 'none' : 'millisecond',
              attributes,
            }),
          );
        };
        vitals.onLCP(report);
        vitals.onINP(report);
        vitals.onCLS(report);
      },
    );
  });
}
