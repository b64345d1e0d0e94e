import AxeBuilder from '@axe-core/playwright';
import { QmlabLab, signUpLearner } from '../src/pages/qmlab-pages.ts';
import { expect, test } from './fixtures.ts';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.use({ target: 'qmlab' });

test('QMLab’s builder, results and saved list have no axe violations (WCAG 2.2 AA)', async ({
  page,
}) => {
  // Four full-page audits; axe alone takes 10–20 s each on a busy 2-core runner.
  test.setTimeout(150_000);
  await signUpLearner(page, 'axe');
  const audit = async (what: string) => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
    expect(results.violations, what).toEqual([]);
  };
  const lab = new QmlabLab(page);

  await page.goto('/circuits');
  await expect(page.getByText('No saved circuits yet')).toBeVisible();
  await audit('empty saved list');

  await lab.goto('/lab?example=teleportation');
  await expect(lab.status).toContainText('Simulated 3 qubits');
  await lab.cell(0, 0).click(); // a rotation selected: the inspector shows its angle field
  await expect(page.getByLabel('θ (radians)')).toBeVisible();
  await audit('builder and results');

  await lab.saveTitle.fill('Teleportation');
  await page.getByTestId('visibility-public').check();
  await lab.saveButton.click();
  await expect(lab.shareLink).toBeVisible();
  await audit('saved circuit with share link and run history');

  await page.goto('/circuits');
  await expect(page.getByTestId('circuit-item')).toHaveCount(1);
  await audit('saved list');
});
