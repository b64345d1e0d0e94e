import { expect, test } from './fixtures.ts';

// These run in the page. The package compiles without DOM types (its Node code shares types with the
// local stack), so page globals are reached through globalThis.

/** Vercel Analytics events queued by `track()` (window.vaq), as "name:metric". */
const queuedEvents = () =>
  (
    (globalThis as unknown as { vaq?: [string, { name?: string; data?: { name?: string } }][] })
      .vaq ?? []
  )
    .filter(([kind]) => kind === 'event')
    .map(([, event]) => `${event.name}:${event.data?.name}`);

const hidePage = `
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
`;

test.describe('in production (VITE_APP_ENV=production)', () => {
  test.use({ target: 'production' });

  test('LCP and CLS are reported to Vercel Analytics after the first page', async ({
    page,
    home,
  }) => {
    await home.goto();
    await expect.poll(() => page.evaluate(() => 'va' in globalThis)).toBe(true);
    // An input finalises LCP; hiding the page flushes CLS. (INP is wired the same way but is only
    // observed for interactions of 40 ms or more, which a fast page does not produce on demand.)
    await home.headline.click();
    await page.evaluate(hidePage);
    await expect
      .poll(() => page.evaluate(queuedEvents))
      .toEqual(expect.arrayContaining(['web-vital:LCP', 'web-vital:CLS']));
  });
});

test.describe('outside production', () => {
  test.use({ target: 'repz' });

  test('neither web-vitals nor Vercel Analytics is loaded', async ({ page, home }) => {
    await home.goto();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(3500);
    expect(await page.evaluate(() => 'va' in globalThis)).toBe(false);
  });
});
