import { readTargets } from '../src/env.ts';
import { eventsIn } from '../src/sentry-ingest.ts';
import { expect, test } from './fixtures.ts';

const sentryLoaded = () => '__SENTRY__' in globalThis;

async function receivedEvents(receivedUrl: string) {
  const response = await fetch(receivedUrl);
  return eventsIn((await response.json()) as string[]);
}

test.describe('with VITE_SENTRY_DSN set', () => {
  test.use({ target: 'sentry' });

  test('Sentry loads after the first page; a page that fails to load shows a retry and is reported', async ({
    page,
    home,
    auth,
  }) => {
    const { app, receivedUrl } = readTargets().sentry;
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(sentryLoaded)).toBe(false);
    await home.headline.waitFor();
    await expect.poll(() => page.evaluate(sentryLoaded)).toBe(true);

    // The sign-in page's chunk cannot be downloaded (offline, or replaced by a new deploy).
    await page.route(/\/assets\/sign-in-page-[^/]+\.js$/, (route) =>
      route.abort('internetdisconnected'),
    );
    await home.signInLink.click();
    const fallback = page.getByTestId('error-fallback');
    await expect(fallback).toContainText('This page could not be loaded');
    await expect
      .poll(async () => {
        const events = await receivedEvents(receivedUrl);
        const event = events.find((e) =>
          JSON.stringify(e.exception).includes('dynamically imported module'),
        );
        return (
          event && {
            environment: event.environment,
            app: (event.tags as Record<string, string> | undefined)?.app,
          }
        );
      })
      .toEqual({ environment: 'development', app });

    // Back online, the fallback's retry (a reload, since React.lazy caches the failure) recovers.
    await page.unroute(/\/assets\/sign-in-page-[^/]+\.js$/);
    await fallback.getByTestId('error-retry').click();
    await expect(auth.form).toBeVisible();
  });
});

test.describe('without VITE_SENTRY_DSN', () => {
  test.use({ target: 'repz' });

  test('Sentry is never loaded', async ({ page, home }) => {
    const sentryRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('sentry')) sentryRequests.push(request.url());
    });
    await home.goto();
    await page.waitForLoadState('networkidle');
    // After load the kit waits for an idle callback (at most 3 s) before it would import Sentry.
    await page.waitForTimeout(3500);
    expect(await page.evaluate(sentryLoaded)).toBe(false);
    expect(sentryRequests).toEqual([]);
  });
});
