import AxeBuilder from '@axe-core/playwright';
import {
  LIVEIT_ADMIN,
  LiveitAdminProductsPage,
  LiveitCheckoutPage,
  LiveitProductPage,
  newPage,
  signIn,
  signUpShopper,
} from '../src/pages/liveit-pages.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test.use({ target: 'liveit' });

async function audit(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  expect(results.violations, what).toEqual([]);
}

test('LiveIt pages have no axe violations (WCAG 2.2 AA)', async ({ page, browser, baseURL }) => {
  // Ten pages audited one after another on a shared two-core machine.
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await audit(page, 'home');

  await page.goto('/shop?category=apparel');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await audit(page, 'catalogue');

  const product = new LiveitProductPage(page);
  await product.goto('trucker-cap');
  await audit(page, 'product');
  await product.add(1);
  await audit(page, 'cart drawer');
  await page.keyboard.press('Escape');

  await signUpShopper(page, 'axe');
  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await audit(page, 'cart');

  await page.goto('/checkout');
  const checkout = new LiveitCheckoutPage(page);
  await checkout.placeOrder.click();
  await expect(checkout.field('Full name')).toHaveAttribute('aria-invalid', 'true');
  await audit(page, 'checkout with errors');

  await page.goto('/orders');
  await expect(page.getByText('No orders yet')).toBeVisible();
  await audit(page, 'orders, empty');

  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: '403 — Admins only' })).toBeVisible();
  await audit(page, '403');

  const admin = await newPage(browser, baseURL ?? '');
  await signIn(admin, LIVEIT_ADMIN);
  await admin.goto('/admin');
  await expect(admin.getByTestId('admin-product').first()).toBeVisible();
  // One product's forms (every product has the same ones) keep the audit quick.
  const adminProducts = new LiveitAdminProductsPage(admin);
  await adminProducts.open('Team Issue Cap');
  await expect(admin.getByTestId('admin-product')).toHaveCount(1);
  await admin.getByRole('button', { name: 'New product' }).click();
  await audit(admin, 'admin products, an editor and the new product form open');
  // Reflow (WCAG 1.4.10): at 320 CSS px nothing needs scrolling sideways.
  await admin.setViewportSize({ width: 320, height: 800 });
  const page320 = admin.locator('html');
  expect(
    await page320.evaluate<number, undefined, { scrollWidth: number }>(
      (html) => html.scrollWidth,
      undefined,
    ),
  ).toBeLessThanOrEqual(320);
  await admin.goto('/admin/orders');
  await expect(admin.getByTestId('admin-order').first()).toBeVisible();
  await audit(admin, 'admin orders');
});
