import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import {
  SimcoreModulePage,
  SimcoreRunsPage,
  signUpSimcoreUser,
} from '../src/pages/simcore-pages.ts';
import { expect, test } from './fixtures.ts';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.use({ target: 'simcore' });

test('sign up → Ising at T = 1.5 orders → save → reload → re-open → compare with T = 3.5 → CSV → share → open signed out', async ({
  page,
  browser,
  baseURL,
}) => {
  const audit = async (what: string) => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
    expect(results.violations, what).toEqual([]);
  };
  await signUpSimcoreUser(page, 'ising');

  await page.goto('/modules');
  await expect(page.getByRole('heading', { name: 'Statistical physics' })).toBeVisible();
  await audit('gallery');
  await page.getByTestId('module-ising').click();

  const ising = new SimcoreModulePage(page);
  await ising.preset('ordered').click();
  await expect(ising.param('temperature')).toHaveValue('1.5');
  await ising.run.click();
  await ising.completed();
  // Onsager: |m| = 0.987 at T = 1.5; the lattice is almost all one colour.
  const absM = Number(await ising.summary('meanAbsMagnetization').textContent());
  expect(absM).toBeGreaterThan(0.97);
  expect(absM).toBeLessThanOrEqual(1);
  const up = await ising.upFraction();
  expect(Math.max(up, 1 - up)).toBeGreaterThan(0.9);
  await audit('module page with results');
  const orderedPath = await ising.saveAs('Ising T=1.5');

  await page.reload();
  const runs = new SimcoreRunsPage(page);
  await runs.goto();
  await expect(runs.row('Ising T=1.5')).toContainText('completed');
  await runs.row('Ising T=1.5').getByTestId('run-link').click();
  await expect(page).toHaveURL(new RegExp(`${orderedPath}$`));
  await expect(page.getByTestId('summary-meanAbsMagnetization')).toHaveText(
    String(Number(absM.toPrecision(4))),
  );
  await expect(page.getByTestId('run-plots').locator('canvas').first()).toBeVisible();

  await ising.goto('ising');
  await ising.preset('disordered').click();
  await ising.run.click();
  await ising.completed();
  expect(Number(await ising.summary('meanAbsMagnetization').textContent())).toBeLessThan(0.3);
  await ising.saveAs('Ising T=3.5');

  await runs.goto();
  await audit('runs list');
  for (const title of ['Ising T=1.5', 'Ising T=3.5'])
    await runs.row(title).getByTestId('select-run').check();
  await runs.compare.click();
  const diff = page.getByTestId('param-diff');
  await expect(diff.getByRole('row', { name: /temperature/ })).toContainText('1.5');
  await expect(diff.getByRole('row', { name: /temperature/ })).toContainText('3.5');
  await expect(page.getByTestId('compare-plots').locator('canvas').first()).toBeVisible();
  await audit('compare view');

  await page.goto(orderedPath);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('ising-t-1.5.csv');
  const csv = await readFile(await file.path(), 'utf8');
  const [header, first] = csv.split('\r\n');
  expect(header).toBe('sweep,magnetization,energy,meanAbsMagnetization');
  expect(first!.split(',').map(Number).every(Number.isFinite)).toBe(true);

  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/\/shared\/[A-Za-z0-9_-]{24}$/);

  const signedOut = await browser.newContext({ baseURL });
  const reader = await signedOut.newPage();
  await reader.goto(link);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Shared: Ising T=1.5');
  await expect(reader.getByTestId('verification')).toContainText('Verified');
  await expect(reader.getByTestId('summary-meanAbsMagnetization')).toHaveText(
    String(Number(absM.toPrecision(4))),
  );
  await signedOut.close();
});

test('a long run can be paused, resumed and stopped mid-way while the page stays responsive', async ({
  page,
}) => {
  await signUpSimcoreUser(page, 'stop');
  const ising = new SimcoreModulePage(page);
  await ising.goto('ising');
  await ising.param('size').fill('256');
  await ising.param('sweeps').fill('14000');
  await ising.param('equilibrationSweeps').fill('0');
  await ising.run.click();
  await expect(ising.status).toHaveAttribute('data-phase', 'running');
  await expect(ising.status).toContainText('left');

  // The main thread is free: frames keep coming and typing shows at once.
  const frames = await page.evaluate<number>(`new Promise((resolve) => {
    let count = 0;
    const end = performance.now() + 1000;
    const tick = () => {
      count += 1;
      if (performance.now() < end) requestAnimationFrame(tick);
      else resolve(count);
    };
    requestAnimationFrame(tick);
  })`);
  expect(frames).toBeGreaterThan(20);
  await ising.title.fill('');
  await ising.title.pressSequentially('Stopped early');
  await expect(ising.title).toHaveValue('Stopped early', { timeout: 1000 });

  await ising.pause.click();
  await expect(ising.status).toHaveAttribute('data-phase', 'paused');
  await ising.resume.click();
  await expect(ising.status).toHaveAttribute('data-phase', 'running');
  await ising.stop.click();
  await expect(ising.status).toHaveAttribute('data-phase', 'stopped');
  const percent = Number(/at (\d+)%/.exec((await ising.status.textContent()) ?? '')?.[1]);
  expect(percent).toBeGreaterThanOrEqual(0);
  expect(percent).toBeLessThan(100);

  await ising.save.click();
  await expect(ising.savedLink).toBeVisible();
  const runs = new SimcoreRunsPage(page);
  await runs.goto();
  await expect(runs.row('Stopped early')).toContainText(`stopped at ${percent}%`);
});

test('every module in the gallery runs to completion in its worker and shows its results', async ({
  page,
}) => {
  await page.goto('/modules');
  const links = page.getByTestId(/^module-/);
  await links.first().waitFor();
  const ids: string[] = [];
  for (let i = 0; i < (await links.count()); i += 1)
    ids.push(((await links.nth(i).getAttribute('data-testid')) ?? '').replace(/^module-/, ''));
  expect(ids.length).toBeGreaterThanOrEqual(6);
  const module = new SimcoreModulePage(page);
  for (const id of ids) {
    await module.goto(id);
    await module.run.click();
    await module.completed();
    await expect(page.getByTestId('summary-table'), id).toBeVisible();
    await expect(page.getByTestId('run-plots').locator('canvas').first(), id).toBeVisible();
    await expect(page.getByTestId('live-caption'), id).not.toHaveText(/Press Run/);
  }
});
