import { LiveitProductPage, newPage, signIn, signUpShopper } from '../src/pages/liveit-pages.ts';
import { expect, test } from './fixtures.ts';

test.use({ target: 'liveit' });

test('a guest cart is merged into the account at sign-in and follows the account to another device', async ({
  page,
  browser,
  baseURL,
}) => {
  const product = new LiveitProductPage(page);
  await product.goto('redline-tee');
  await product.pick({ colour: 'Black', size: 'M' });
  await product.add(2);
  await expect(product.drawer.getByTestId('cart-line')).toContainText('Redline Tee');
  await page.keyboard.press('Escape');

  const credentials = await signUpShopper(page, 'guest');
  await page.getByTestId('nav-cart').click();
  const line = page.getByTestId('cart-line').filter({ hasText: 'Redline Tee' });
  await expect(line).toContainText('M / Black');
  await expect(line.getByLabel('Quantity of Redline Tee')).toHaveText('2');
  expect(await page.evaluate('localStorage.getItem("liveit-guest-cart")')).toBeNull();

  // Signed in elsewhere, the cart is the account's.
  const elsewhere = await newPage(browser, baseURL ?? '');
  await signIn(elsewhere, credentials);
  await elsewhere.goto('/cart');
  await expect(elsewhere.getByTestId('cart-line').filter({ hasText: 'Redline Tee' })).toBeVisible();
});
