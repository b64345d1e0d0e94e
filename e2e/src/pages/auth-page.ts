import { type Locator, type Page } from '@playwright/test';

/** The shared sign-in and sign-up pages (ui's AuthForm). */
export class AuthPage {
  readonly form: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly confirmPassword: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByTestId('auth-form');
    this.email = page.getByTestId('auth-email');
    this.password = page.getByTestId('auth-password');
    this.confirmPassword = page.getByTestId('auth-confirm-password');
    this.submit = page.getByTestId('auth-submit');
    this.error = page.getByTestId('auth-error');
  }

  async gotoSignIn(): Promise<void> {
    await this.page.goto('/sign-in');
    await this.form.waitFor();
  }

  async signUp(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.confirmPassword.fill(password);
    await this.submit.click();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
