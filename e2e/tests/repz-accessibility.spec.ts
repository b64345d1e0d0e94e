import AxeBuilder from '@axe-core/playwright';
import { RepzLogWorkoutPage, signUpNewUser } from '../src/pages/repz-pages.ts';
import { expect, test } from './fixtures.ts';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.use({ target: 'repz' });

test('REPZ pages have no axe violations, with data, with validation errors and empty', async ({
  page,
}) => {
  await signUpNewUser(page, 'axe');
  const audit = async (what: string) => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
    expect(results.violations, what).toEqual([]);
  };

  const log = new RepzLogWorkoutPage(page);
  await log.goto();
  await log.save.click(); // every field error shown and linked
  await expect(log.field(0, 'exercise')).toHaveAttribute('aria-invalid', 'true');
  await audit('workout form with errors');

  await log.name.fill('Accessible day');
  await log.logSets([
    { exercise: 'Conventional Deadlift', reps: 5, weight: 140 },
    { exercise: 'Conventional Deadlift', reps: 5, weight: 150 },
  ]);
  await log.save.click();
  await expect(page).toHaveURL(/\/history$/);
  await audit('history');

  for (const [path, ready] of [
    ['/dashboard', 'stat-streak'],
    ['/body', 'body-weight'],
    ['/coach', 'create-invite'],
    ['/photos', 'photo-input'],
    ['/exercises', 'exercise-search'],
  ] as const) {
    await page.goto(path);
    await page.getByTestId(ready).waitFor();
    await audit(path);
  }

  await page.goto('/history');
  await page.getByRole('link', { name: 'Conventional Deadlift' }).click();
  await expect(page.getByTestId('chart-e1rm').locator('canvas')).toBeVisible();
  await audit('exercise progress');

  await page.goto('/messages');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await audit('messages without a coach');
});
