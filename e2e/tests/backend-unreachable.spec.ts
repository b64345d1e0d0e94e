import { readTargets } from '../src/env.ts';
import { expect, test } from './fixtures.ts';

test.describe('without a reachable backend', () => {
  test.use({ target: 'offline' });

  test('the app says which backend it cannot reach, instead of a blank page', async ({
    page,
    home,
  }) => {
    const { backendUrl } = readTargets().offline;
    await page.goto('/');
    const notice = page.getByTestId('backend-unreachable');
    await expect(notice).toContainText(`Backend not reachable at ${backendUrl}`);
    // The shell stays usable around the notice, and the retry checks again (still down).
    await expect(page.getByTestId('shell-home')).toBeVisible();
    await notice.getByTestId('error-retry').click();
    await expect(notice).toContainText(`Backend not reachable at ${backendUrl}`);
    await expect(home.headline).toBeHidden();
  });
});
