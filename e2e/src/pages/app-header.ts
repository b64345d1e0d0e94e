import { type Locator, type Page } from '@playwright/test';

/** The AppShell header: sign-in/up links when signed out, the user menu when signed in. */
export class AppHeader {
  readonly signInLink: Locator;
  readonly signUpLink: Locator;
  readonly userMenuToggle: Locator;

  constructor(private readonly page: Page) {
    this.signInLink = page.getByTestId('shell-sign-in');
    this.signUpLink = page.getByTestId('shell-sign-up');
    this.userMenuToggle = page.getByTestId('user-menu-toggle');
  }

  async signOut(): Promise<void> {
    await this.userMenuToggle.click();
    await this.page.getByTestId('user-menu').getByTestId('sign-out').click();
  }
}
