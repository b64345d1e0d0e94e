import type { LogLevel } from '../levels.ts';
import type { LogSink } from '../types.ts';

/** The subset of Sentry's `Breadcrumb` this sink produces (structurally compatible with @sentry/*). */
export interface SentryBreadcrumb {
  type: 'default';
  category: string;
  level: 'debug' | 'info' | 'warning' | 'error';
  message: string;
  /** Seconds since the epoch, as Sentry expects. */
  timestamp: number;
  data?: Record<string, unknown>;
}

const sentryLevel: Record<LogLevel, SentryBreadcrumb['level']> = {
  debug: 'debug',
  info: 'info',
  warn: 'warning',
  error: 'error',
};

/**
 * Turns entries into Sentry breadcrumbs, so an error report shows the log lines that led to it.
 * Pass Sentry's own function: `sentryBreadcrumbSink(Sentry.addBreadcrumb)`.
 */
export function sentryBreadcrumbSink(
  addBreadcrumb: (breadcrumb: SentryBreadcrumb) => void,
  options: { category?: string } = {},
): LogSink {
  const category = options.category ?? 'log';
  return ({ level, message, timestamp, ...data }) => {
    const breadcrumb: SentryBreadcrumb = {
      type: 'default',
      category,
      level: sentryLevel[level],
      message,
      timestamp: Date.parse(timestamp) / 1000,
    };
    if (Object.keys(data).length > 0) breadcrumb.data = data;
    addBreadcrumb(breadcrumb);
  };
}
