import {
  LIVEIT_ADMIN,
  LiveitProductPage,
  newPage,
  signIn,
  signUpShopper,
} from '../src/pages/liveit-pages.ts';
import { expect, test } from './fixtures.ts';

test.use({ target: 'liveit' });

test('a customer gets the 403 page on admin pages', async ({ page }) => {
  await signUpShopper(page, 'not-admin');
  for (const path of ['/admin', '/admin/orders']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: '403 — Admins only' })).toBeVisible();
  }
});

test('an admin sets stock and an open product page follows live', async ({
  page,
  browser,
  baseURL,
}) => {
  const shopper = new LiveitProductPage(await newPage(browser, baseURL ?? ''));
  await shopper.goto('team-cap');
  await shopper.pick({ colour: 'Navy' });
  await expect(shopper.stock).toHaveText('In stock'); // 8 on hand

  await signIn(page, LIVEIT_ADMIN);
  await page.goto('/admin');
  await page.getByRole('searchbox', { name: 'Filter products' }).fill('Team Issue Cap');
  const input = page.getByTestId('stock-input-TEACAP-NAV');
  await input.fill('3');
  await page.getByRole('button', { name: 'Set stock of Team Issue Cap Navy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await expect(shopper.stock).toHaveText('Only 3 left');
});

test('an admin filters orders by status; a move the rules forbid is refused with the API’s message', async ({
  page,
}) => {
  await signIn(page, LIVEIT_ADMIN);
  await page.goto('/admin/orders');
  await page.getByRole('combobox', { name: 'Status', exact: true }).click();
  await page.getByRole('option', { name: 'Shipped' }).click();
  const order = page.getByTestId('admin-order').first();
  await expect(order.getByTestId('order-status')).toHaveText('Shipped');
  // The filter is the API's: every row listed is shipped.
  expect(
    new Set(await page.getByTestId('admin-order').getByTestId('order-status').allTextContents()),
  ).toEqual(new Set(['Shipped']));
  // Shipped is final: the default choice (Fulfilled) is sent and refused.
  await order.getByRole('button', { name: /^Move/ }).click();
  await expect(order.getByRole('alert')).toContainText('cannot move from shipped to fulfilled');
  await expect(order.getByTestId('order-status')).toHaveText('Shipped');
});
