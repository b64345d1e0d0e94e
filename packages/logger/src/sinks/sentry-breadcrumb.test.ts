import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { REDACTED } from '../redact.ts';
import { sentryBreadcrumbSink, type SentryBreadcrumb } from './sentry-breadcrumb.ts';

describe('sentryBreadcrumbSink', () => {
  it('maps entries to breadcrumbs with Sentry levels, seconds and redacted data', () => {
    const crumbs: SentryBreadcrumb[] = [];
    const logger = createLogger({
      level: 'debug',
      clock: () => new Date('2026-11-25T12:00:00.500Z'),
      sinks: [sentryBreadcrumbSink((crumb) => crumbs.push(crumb))],
    });
    logger.warn('retrying', { attempt: 2, token: 't' });
    logger.info('plain');
    expect(crumbs).toEqual([
      {
        type: 'default',
        category: 'log',
        level: 'warning',
        message: 'retrying',
        timestamp: 1795608000.5,
        data: { attempt: 2, token: REDACTED },
      },
      {
        type: 'default',
        category: 'log',
        level: 'info',
        message: 'plain',
        timestamp: 1795608000.5,
      },
    ]);
  });

  it('takes a category', () => {
    const crumbs: SentryBreadcrumb[] = [];
    sentryBreadcrumbSink((c) => crumbs.push(c), { category: 'repz' })({
      level: 'error',
      message: 'x',
      timestamp: '2026-01-01T00:00:00.000Z',
    });
    expect(crumbs[0]).toMatchObject({ category: 'repz', level: 'error' });
  });
});
