// Page objects of QMLab: the lab (builder, results, QASM, save), the saved list and a shared link.
import { randomUUID } from 'node:crypto';
import { expect, type Locator, type Page } from '@playwright/test';
import { AuthPage } from './auth-page.ts';

export interface Credentials {
  email: string;
  password: string;
}

/** Signs up a new learner (lands on /account) and returns how to sign in again. */
export async function signUpLearner(page: Page, label: string): Promise<Credentials> {
  const credentials = {
    email: `e2e-qmlab-${label}-${randomUUID()}@example.com`,
    password: `pw-${randomUUID()}`,
  };
  await page.goto('/sign-up');
  await new AuthPage(page).signUp(credentials.email, credentials.password);
  await expect(page).toHaveURL(/\/account$/);
  return credentials;
}

export class QmlabLab {
  readonly grid: Locator;
  readonly announcer: Locator;
  readonly status: Locator;
  readonly progress: Locator;
  readonly qasmExport: Locator;
  readonly qasmImport: Locator;
  readonly importButton: Locator;
  readonly qasmFile: Locator;
  readonly qasmError: Locator;
  readonly title: Locator;
  readonly saveTitle: Locator;
  readonly saveButton: Locator;
  readonly shareLink: Locator;

  constructor(private readonly page: Page) {
    this.grid = page.getByRole('grid', { name: /Circuit/ });
    this.announcer = page.getByTestId('announcer');
    this.status = page.getByTestId('simulation-status');
    this.progress = this.status.getByRole('progressbar');
    this.qasmExport = page.getByTestId('qasm-export');
    this.qasmImport = page.getByTestId('qasm-import');
    this.importButton = page.getByRole('button', { name: 'Import', exact: true });
    this.qasmFile = page.getByTestId('qasm-file');
    this.qasmError = page.getByTestId('qasm-error');
    this.title = page.getByTestId('lab-title');
    this.saveTitle = page.getByTestId('save-title');
    this.saveButton = page.getByTestId('save-circuit');
    this.shareLink = page.getByTestId('share-link');
  }

  async goto(path = '/lab'): Promise<void> {
    await this.page.goto(path);
    await this.grid.waitFor();
  }

  cell(qubit: number, step: number): Locator {
    return this.page.getByTestId(`cell-${qubit}-${step}`);
  }

  probability(state: string): Locator {
    return this.page.getByTestId(`probability-${state}`);
  }

  entanglement(qubit: number): Locator {
    return this.page.getByTestId(`entanglement-${qubit}`);
  }

  /** Presses Tab until a grid cell has focus: how a keyboard user enters the grid. */
  async tabIntoGrid(maxPresses = 80): Promise<void> {
    for (let i = 0; i < maxPresses; i++) {
      await this.page.keyboard.press('Tab');
      const role = await this.page.locator(':focus').getAttribute('role');
      if (role === 'gridcell') return;
    }
    throw new Error(`no grid cell took focus within ${maxPresses} Tab presses`);
  }

  async expectBellResults(): Promise<void> {
    await expect(this.probability('00')).toContainText('50.0%');
    await expect(this.probability('11')).toContainText('50.0%');
    await expect(this.probability('01')).toContainText('0.0%');
    for (const qubit of [0, 1]) {
      await expect(this.entanglement(qubit)).toHaveAttribute('data-entangled', 'true');
      await expect(this.entanglement(qubit)).toHaveText('Entangled: 1.00 bit');
    }
  }
}
