import { test as base } from '@playwright/test';
import { AccountPage } from '../src/pages/account-page.ts';
import { AppHeader } from '../src/pages/app-header.ts';
import { AuthPage } from '../src/pages/auth-page.ts';
import { HomePage } from '../src/pages/home-page.ts';

interface Pages {
  home: HomePage;
  auth: AuthPage;
  account: AccountPage;
  header: AppHeader;
}

/** Playwright's test with the page objects as fixtures. */
export const test = base.extend<Pages>({
  home: async ({ page }, use) => use(new HomePage(page)),
  auth: async ({ page }, use) => use(new AuthPage(page)),
  account: async ({ page }, use) => use(new AccountPage(page)),
  header: async ({ page }, use) => use(new AppHeader(page)),
});

export { expect } from '@playwright/test';
