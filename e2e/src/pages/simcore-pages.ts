import { randomUUID } from 'node:crypto';
import { expect, type Locator, type Page } from '@playwright/test';
import { AuthPage } from './auth-page.ts';

/** Signs a new SimCore user up (the sign-up page lands on the account page). */
export async function signUpSimcoreUser(page: Page, label: string): Promise<string> {
  const email = `e2e-simcore-${label}-${randomUUID()}@example.com`;
  await page.goto('/sign-up');
  await new AuthPage(page).signUp(email, `pw-${randomUUID()}`);
  await expect(page).toHaveURL(/\/account$/);
  return email;
}

/** One module's workbench: presets, parameters, run controls, live view, results, saving. */
export class SimcoreModulePage {
  readonly run: Locator;
  readonly pause: Locator;
  readonly resume: Locator;
  readonly stop: Locator;
  readonly status: Locator;
  readonly canvas: Locator;
  readonly title: Locator;
  readonly save: Locator;
  readonly savedLink: Locator;

  constructor(private readonly page: Page) {
    this.run = page.getByTestId('run');
    this.pause = page.getByTestId('pause');
    this.resume = page.getByTestId('resume');
    this.stop = page.getByTestId('stop');
    this.status = page.getByTestId('run-status');
    this.canvas = page.getByTestId('live-canvas');
    this.title = page.getByTestId('run-title');
    this.save = page.getByTestId('save-run');
    this.savedLink = page.getByTestId('saved-run-link');
  }

  async goto(moduleId: string): Promise<void> {
    await this.page.goto(`/modules/${moduleId}`);
    await this.run.waitFor();
  }

  preset(id: string): Locator {
    return this.page.getByTestId(`preset-${id}`);
  }

  param(key: string): Locator {
    return this.page.getByTestId(`param-${key}`);
  }

  summary(key: string): Locator {
    return this.page.getByTestId(`summary-${key}`);
  }

  /** Waits for the run to complete. */
  async completed(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-phase', 'completed', { timeout: 30_000 });
  }

  /** Saves the finished run under `title`; resolves to the saved run's path. */
  async saveAs(title: string): Promise<string> {
    await this.title.fill(title);
    await this.save.click();
    await expect(this.savedLink).toBeVisible();
    return (await this.savedLink.getAttribute('href')) ?? '';
  }

  /** Fraction of lattice pixels drawn as "up" spins on the live canvas. */
  async upFraction(): Promise<number> {
    // A string, not a function: this package type-checks without the DOM library.
    return this.page.evaluate<number>(`(() => {
      const canvas = document.querySelector('[data-testid="live-canvas"]');
      const side = Math.min(canvas.width, canvas.height);
      const { data } = canvas.getContext('2d').getImageData((canvas.width - side) / 2, 0, side, side);
      let up = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 2] > 150 && data[i] < 100) up += 1;
      return up / (data.length / 4);
    })()`);
  }
}

/** The runs list. */
export class SimcoreRunsPage {
  readonly table: Locator;
  readonly compare: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByTestId('runs-table');
    this.compare = page.getByTestId('compare-selected');
  }

  async goto(): Promise<void> {
    await this.page.goto('/runs');
    await this.table.waitFor();
  }

  row(title: string): Locator {
    return this.table.getByRole('row').filter({ hasText: title });
  }
}
