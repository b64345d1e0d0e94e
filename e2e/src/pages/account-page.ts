import { type Locator, type Page } from '@playwright/test';

export type Units = 'kg' | 'lb';

/** The shared account page: the user's profile form. */
export class AccountPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly displayName: Locator;
  readonly save: Locator;
  readonly status: Locator;
  readonly signOutButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByTestId('account-heading');
    this.email = page.getByTestId('account-email');
    this.displayName = page.getByTestId('account-display-name');
    this.save = page.getByTestId('account-save');
    this.status = page.getByTestId('account-status');
    this.signOutButton = page.getByTestId('account-sign-out');
  }

  units(value: Units): Locator {
    return this.page.getByTestId(`account-units-${value}`);
  }

  /** Waits until the profile has loaded into the form. */
  async ready(): Promise<void> {
    await this.displayName.waitFor();
  }

  async updateProfile(displayName: string, units: Units): Promise<void> {
    await this.displayName.fill(displayName);
    await this.units(units).check();
    await this.save.click();
  }
}
