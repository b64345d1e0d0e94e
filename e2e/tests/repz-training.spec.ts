import { RepzHistory, RepzLogWorkoutPage, signUpNewUser } from '../src/pages/repz-pages.ts';
import { expect, test } from './fixtures.ts';

test.use({ target: 'repz' });

test('sign up → log a workout of three sets with the keyboard → see it in history → its chart shows the estimated 1RM', async ({
  page,
}) => {
  await signUpNewUser(page, 'lifter');
  const log = new RepzLogWorkoutPage(page);
  await log.goto();

  // A set without a number is caught by the shared schema before anything is sent.
  await log.name.fill('Push day');
  await log.field(0, 'exercise').fill('Barbell Bench Press');
  await log.save.click();
  await expect(log.field(0, 'reps')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a number').first()).toBeVisible();

  await log.logSets([
    { exercise: 'Barbell Bench Press', reps: 5, weight: 100 },
    { exercise: 'Barbell Bench Press', reps: 5, weight: 100 },
    { exercise: 'Barbell Bench Press', reps: 3, weight: 105 },
  ]);
  // Enter copied the exercise into each new set.
  await expect(log.field(2, 'exercise')).toHaveValue('Barbell Bench Press');
  await log.save.click();

  await expect(page).toHaveURL(/\/history$/);
  const workout = new RepzHistory(page).item('Push day');
  await expect(workout).toContainText('5 × 100 kg, 5 × 100 kg, 3 × 105 kg');

  await workout.getByRole('link', { name: 'Barbell Bench Press' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Barbell Bench Press' })).toBeVisible();
  // Epley: 100 × (1 + 5/30) = 116.7 and 105 × (1 + 3/30) = 115.5, so the record is 116.7 → 116.5 kg shown.
  await expect(page.getByTestId('pr-e1rm')).toHaveText('116.5 kg');
  await expect(page.getByTestId('pr-weight')).toHaveText('105 kg');
  const chart = page.getByTestId('chart-e1rm');
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(chart.getByRole('table', { name: /Estimated one-rep max/ })).toContainText('116.7');
});

test('in pounds: log, edit, repeat and delete a workout; the dashboard counts it', async ({
  page,
  account,
}) => {
  await signUpNewUser(page, 'pounds');
  await account.ready();
  await account.units('lb').check();
  await account.save.click();
  await expect(account.status).toHaveText('Profile saved.');

  const log = new RepzLogWorkoutPage(page);
  await log.logWorkout('Pull day', [
    { exercise: 'Barbell Row', reps: 8, weight: 135 },
    { exercise: 'Barbell Row', reps: 8, weight: 135 },
  ]);
  const history = new RepzHistory(page);
  // Stored in kilograms (61.23 kg), shown back in pounds.
  await expect(history.item('Pull day')).toContainText('8 × 135 lb, 8 × 135 lb');

  await history.item('Pull day').getByRole('link', { name: 'Edit' }).click();
  await expect(log.field(1, 'weight')).toHaveValue('135');
  await log.name.fill('Pull day (heavy)');
  await log.field(1, 'weight').fill('145');
  await log.save.click();
  await expect(page).toHaveURL(/\/history$/);
  await expect(history.item('Pull day (heavy)')).toContainText('8 × 135 lb, 8 × 145 lb');

  await history.item('Pull day (heavy)').getByRole('link', { name: 'Repeat' }).click();
  await expect(log.field(1, 'weight')).toHaveValue('145');
  await log.name.fill('Pull day again');
  await log.save.click();
  await expect(history.items).toHaveCount(2);

  await history.item('Pull day (heavy)').getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(history.items).toHaveCount(1);
  await expect(history.item('Pull day again')).toBeVisible();

  await page.goto('/dashboard');
  await expect(page.getByTestId('stat-week-workouts')).toHaveText('1');
  await expect(page.getByTestId('stat-streak')).toHaveText('1 day');
  // 8 × 135 + 8 × 145 lb = 2240 lb.
  await expect(page.getByTestId('stat-week-volume')).toHaveText('2240 lb');
});
