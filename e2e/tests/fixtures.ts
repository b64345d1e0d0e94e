import { test as base } from '@playwright/test';
import type { AppName } from '../src/apps.ts';
import { readTargets } from '../src/env.ts';
import { AccountPage } from '../src/pages/account-page.ts';
import { AppHeader } from '../src/pages/app-header.ts';
import { AuthPage } from '../src/pages/auth-page.ts';
import { HomePage } from '../src/pages/home-page.ts';

interface Options {
  /** Which preview server the test talks to: an app against the test stack, the one without a backend, or the one with Sentry on. */
  target: AppName | 'offline' | 'sentry' | 'production';
}

interface Pages {
  home: HomePage;
  auth: AuthPage;
  account: AccountPage;
  header: AppHeader;
}

/** Playwright's test with the target app as an option and the page objects as fixtures. */
export const test = base.extend<Options & Pages>({
  target: ['repz', { option: true }],
  // Resolved per test: the preview servers exist only once global setup has run.
  baseURL: async ({ target }, use) => {
    const targets = readTargets();
    await use(
      target === 'offline' || target === 'sentry' || target === 'production'
        ? targets[target].url
        : targets.apps[target],
    );
  },
  home: async ({ page }, use) => use(new HomePage(page)),
  auth: async ({ page }, use) => use(new AuthPage(page)),
  account: async ({ page }, use) => use(new AccountPage(page)),
  header: async ({ page }, use) => use(new AppHeader(page)),
});

export { expect } from '@playwright/test';
