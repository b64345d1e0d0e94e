import { signUpNewUser } from '../src/pages/repz-pages.ts';
import { expect, test } from './fixtures.ts';

test.use({ target: 'repz' });

test('body metrics: a day logged twice keeps the last entry; BMI, RMR, TDEE and lean mass follow the profile', async ({
  page,
}) => {
  await signUpNewUser(page, 'body');
  await page.goto('/body');
  await expect(page.getByTestId('empty-state')).toContainText('No body metrics yet');

  // Out of the shared schema's range: the field says so and nothing is saved.
  await page.getByTestId('body-weight').fill('5');
  await page.getByTestId('body-save').click();
  await expect(page.getByTestId('body-weight')).toHaveAttribute('aria-invalid', 'true');

  await page.getByTestId('body-weight').fill('82');
  await page.getByTestId('body-fat').fill('20');
  await page.getByTestId('body-save').click();
  await expect(page.getByTestId('metric-weight')).toHaveText('82 kg');
  // Same day again: one row per day, the new values replace the old.
  await page.getByTestId('body-weight').fill('81');
  await page.getByTestId('body-fat').fill('20');
  await page.getByTestId('body-save').click();
  await expect(page.getByTestId('metric-weight')).toHaveText('81 kg');
  await expect(page.getByTestId('metric-lbm')).toHaveText('65 kg'); // 81 × 0.8 = 64.8 → 65 (0.5 kg steps)
  await expect(page.getByTestId('metric-bmi')).toHaveText('–');

  await page.getByTestId('profile-height').fill('180');
  await page.getByTestId('profile-birth-date').fill('1990-01-01');
  await page.getByTestId('profile-sex').selectOption('male');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('metric-bmi')).toHaveText('25.0 (overweight)');
  const age = new Date().getFullYear() - 1990; // born on 1 January: this year's birthday has passed
  const rmr = 10 * 81 + 6.25 * 180 - 5 * age + 5;
  await expect(page.getByTestId('metric-rmr')).toHaveText(`${Math.round(rmr)} kcal/day`);
  await expect(page.getByTestId('metric-tdee')).toHaveText(`${Math.round(rmr * 1.55)} kcal/day`);

  // Saved in the database: a reload reads the same figures back.
  await page.reload();
  await expect(page.getByTestId('metric-bmi')).toHaveText('25.0 (overweight)');
  await expect(page.getByTestId('profile-height')).toHaveValue('180');
});
