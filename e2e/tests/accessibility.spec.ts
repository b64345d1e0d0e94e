import AxeBuilder from '@axe-core/playwright';
import { APPS } from '../src/apps.ts';
import { expect, test } from './fixtures.ts';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const app of APPS) {
  test.describe(app, () => {
    test.use({ target: app });

    test('home page has no axe violations', async ({ page, home }) => {
      await home.goto();
      const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
      expect(results.violations).toEqual([]);
    });

    test('sign-in page has no axe violations', async ({ page, auth }) => {
      await auth.gotoSignIn();
      const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
      expect(results.violations).toEqual([]);
    });
  });
}
