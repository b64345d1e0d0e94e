// Page objects for REPZ's own pages (apps/repz). Selectors are the data-testids those pages set.
import { randomUUID } from 'node:crypto';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { AuthPage } from './auth-page.ts';

export interface LoggedSet {
  exercise: string;
  reps: number;
  weight: number;
}

/** Signs a new user up through the UI (which lands on the account page) and returns the email. */
export async function signUpNewUser(page: Page, label: string): Promise<string> {
  const email = `e2e-repz-${label}-${randomUUID()}@example.com`;
  await page.goto('/sign-up');
  await new AuthPage(page).signUp(email, `pw-${randomUUID()}`);
  await expect(page).toHaveURL(/\/account$/);
  return email;
}

/** A new signed-up user in a browser context of their own (separate storage, like another person). */
export async function newUser(browser: Browser, baseURL: string, label: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signUpNewUser(page, label);
  return page;
}

/** supabase-js's stored session of the signed-in user. */
async function sessionOf(page: Page): Promise<{ access_token: string; user: { id: string } }> {
  const { origins } = await page.context().storageState();
  const session = origins
    .flatMap((origin) => origin.localStorage)
    .find((item) => item.name.endsWith('-auth-token'))?.value;
  if (!session) throw new Error('no supabase session in localStorage');
  return JSON.parse(session) as { access_token: string; user: { id: string } };
}

export async function userIdOf(page: Page): Promise<string> {
  return (await sessionOf(page)).user.id;
}

export async function accessTokenOf(page: Page): Promise<string> {
  return (await sessionOf(page)).access_token;
}

/** /workouts/new: the workout form with its keyboard-driven set grid. */
export class RepzLogWorkoutPage {
  readonly name: Locator;
  readonly save: Locator;

  constructor(private readonly page: Page) {
    this.name = page.getByTestId('workout-name');
    this.save = page.getByTestId('save-workout');
  }

  async goto(): Promise<void> {
    await this.page.goto('/workouts/new');
    await this.name.waitFor();
  }

  field(index: number, field: 'exercise' | 'reps' | 'weight' | 'rpe' | 'rest'): Locator {
    return this.page.getByTestId(`set-${index}-${field}`);
  }

  /**
   * Types the sets as a lifter would: the first set's exercise, reps and weight, then Enter for each
   * next set (which copies exercise and weight and focuses reps), changing only what differs.
   */
  async logSets(sets: LoggedSet[]): Promise<void> {
    for (const [index, set] of sets.entries()) {
      if (index > 0) {
        await this.field(index - 1, 'reps').press('Enter');
        await expect(this.field(index, 'reps')).toBeFocused();
      }
      await this.field(index, 'exercise').fill(set.exercise);
      await this.field(index, 'reps').fill(String(set.reps));
      await this.field(index, 'weight').fill(String(set.weight));
    }
  }

  async logWorkout(name: string, sets: LoggedSet[]): Promise<void> {
    await this.goto();
    await this.name.fill(name);
    await this.logSets(sets);
    await this.save.click();
    await expect(this.page).toHaveURL(/\/history$/);
  }
}

/** /history (and a coach's view of a client): workouts newest first. */
export class RepzHistory {
  readonly items: Locator;

  constructor(private readonly page: Page) {
    this.items = page.getByTestId('workout-item');
  }

  item(name: string): Locator {
    return this.items.filter({ has: this.page.getByRole('heading', { name }) });
  }
}

/** /coach: invites, accepting, clients. */
export class RepzCoachPage {
  readonly createInvite: Locator;
  readonly inviteCode: Locator;
  readonly acceptCode: Locator;
  readonly accept: Locator;
  readonly clients: Locator;
  readonly coaches: Locator;

  constructor(private readonly page: Page) {
    this.createInvite = page.getByTestId('create-invite');
    this.inviteCode = page.getByTestId('invite-code');
    this.acceptCode = page.getByTestId('accept-code');
    this.accept = page.getByTestId('accept-invite');
    this.clients = page.getByTestId('client-list');
    this.coaches = page.getByTestId('coach-list');
  }

  async goto(): Promise<void> {
    await this.page.goto('/coach');
    await this.createInvite.waitFor();
  }

  async invite(): Promise<string> {
    await this.goto();
    await this.createInvite.click();
    await expect(this.inviteCode).toHaveText(/^[A-Z0-9]{8}$/);
    return (await this.inviteCode.textContent()) ?? '';
  }

  async acceptInvite(code: string): Promise<void> {
    await this.goto();
    await this.acceptCode.fill(code);
    await this.accept.click();
    await expect(this.coaches.getByRole('listitem')).toHaveCount(1);
  }
}

/** Links two new users as coach and client through the UI; returns both pages and ids. */
export async function linkCoachAndClient(browser: Browser, baseURL: string) {
  const coach = await newUser(browser, baseURL, 'coach');
  const client = await newUser(browser, baseURL, 'client');
  const code = await new RepzCoachPage(coach).invite();
  await new RepzCoachPage(client).acceptInvite(code);
  return { coach, client, coachId: await userIdOf(coach), clientId: await userIdOf(client) };
}
