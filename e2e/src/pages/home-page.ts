import { type Locator, type Page } from '@playwright/test';

/** An app's home page: what the product is, and the ways in. */
export class HomePage {
  readonly headline: Locator;
  readonly signUpLink: Locator;
  readonly signInLink: Locator;
  readonly accountLink: Locator;

  constructor(private readonly page: Page) {
    this.headline = page.getByTestId('home-headline');
    this.signUpLink = page.getByTestId('home-sign-up');
    this.signInLink = page.getByTestId('home-sign-in');
    this.accountLink = page.getByTestId('home-account');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.headline.waitFor();
  }
}
