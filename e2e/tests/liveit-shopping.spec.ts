import {
  LiveitCheckoutPage,
  LiveitOrderPage,
  LiveitProductPage,
  newPage,
  signUpShopper,
} from '../src/pages/liveit-pages.ts';
import { naturalWidth } from '../src/images.ts';
import { expect, test } from './fixtures.ts';

test.use({ target: 'liveit' });

test('browse → variant → cart → checkout → test pay → paid in history; another shopper sees the stock drop live; a review updates the stats', async ({
  page,
  browser,
  baseURL,
}) => {
  await signUpShopper(page, 'buyer');

  // Catalogue: search and open the product.
  await page.goto('/shop');
  await page.getByRole('searchbox', { name: 'Search products' }).fill('Pit Lane');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('product-card')).toHaveCount(1);
  // Its picture comes from the bucket config.toml seeds with every new database.
  const picture = page.getByTestId('product-card').locator('img');
  await expect.poll(() => naturalWidth(picture)).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Pit Lane Tee' }).click();

  const product = new LiveitProductPage(page);
  await expect(product.addToCart).toBeVisible();
  await product.pick({ colour: 'Olive', size: 'XL' });
  await expect(product.price).toHaveText('$35.00');
  await expect(product.stock).toHaveText('In stock'); // 6 on hand

  // A guest on the same product and variant, in another browser.
  const other = new LiveitProductPage(await newPage(browser, baseURL ?? ''));
  await other.goto('pit-lane-tee');
  await other.pick({ colour: 'Olive', size: 'XL' });
  await expect(other.stock).toHaveText('In stock');

  await product.add(2);
  await product.drawer.getByRole('link', { name: 'Checkout' }).click();

  const checkout = new LiveitCheckoutPage(page);
  await checkout.fill({
    name: 'Ada Lovelace',
    line1: '12 Paddock Lane',
    city: 'Silverstone',
    postal_code: '!!',
    country: 'GB',
  });
  await checkout.placeOrder.click();
  await expect(checkout.field('Postal code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('postal_code may hold letters, digits, spaces and -')).toBeVisible();
  await checkout.field('Postal code').fill('NN12 8TN');
  await checkout.placeOrder.click();

  // The server's totals: 2 × $35.00 + $15.00 shipping + 8 % tax on $70.00.
  const order = new LiveitOrderPage(page);
  await expect(order.heading).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Thank you!' })).toBeVisible();
  await expect(order.total).toHaveText('$90.60');
  await expect(order.status).toHaveText('Awaiting payment');
  const number = await order.orderNumber();

  // The hold took 2 of 6: the other shopper's page follows without a reload.
  await expect(other.stock).toHaveText('Only 4 left');

  // Back from Stripe (its success URL) before the webhook has run: the page says the payment is
  // being confirmed and asks again until the order is paid (here paid from the first tab).
  const returned = await page.context().newPage();
  await returned.goto(`${new URL(page.url()).pathname}?payment=success`);
  const paymentReturn = returned.getByRole('status').filter({ hasText: /^Payment/ });
  await expect(paymentReturn).toHaveText('Payment received — confirming…');
  await expect(returned.getByRole('button', { name: 'Cancel order' })).toBeHidden();

  await order.pay.click();
  await expect(order.status).toHaveText('Paid');
  await expect(order.pay).toBeHidden();
  await expect(paymentReturn).toHaveText('Payment confirmed. Thank you! Your order is paid.');
  await expect(new LiveitOrderPage(returned).status).toHaveText('Paid');
  await returned.close();

  await page.getByTestId('nav-orders').click();
  const row = page.getByTestId('order-row').filter({ hasText: number });
  await expect(row.getByTestId('order-status')).toHaveText('Paid');

  // A verified review of what was bought; the stats include it.
  await product.goto('pit-lane-tee');
  const before = (await product.rating.textContent()) ?? '';
  const count = Number(/\((\d+) reviews?\)/.exec(before)?.[1] ?? '0');
  await product.writeReview(4, 'Fits well', 'Soft cotton, true to size.');
  const review = product.reviews.filter({ hasText: 'Fits well' });
  await expect(review).toContainText('Verified purchase');
  await expect(product.rating).toContainText(`(${count + 1} review`);
});
