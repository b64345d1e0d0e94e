import { randomUUID } from 'node:crypto';
import {
  LIVEIT_ADMIN,
  LiveitAdminProductsPage,
  LiveitProductPage,
  newPage,
  signIn,
  signUpShopper,
} from '../src/pages/liveit-pages.ts';
import { expect, test } from './fixtures.ts';

test.use({ target: 'liveit' });

/** A 1 × 1 PNG, the smallest picture the bucket accepts. */
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

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
  const admin = new LiveitAdminProductsPage(page);
  await admin.goto();
  await admin.open('Team Issue Cap');
  const input = page.getByTestId('stock-input-TEACAP-NAV');
  await input.fill('3');
  await page.getByRole('button', { name: 'Set stock of Team Issue Cap Navy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await expect(shopper.stock).toHaveText('Only 3 left');
});

test('an admin creates a product with a priced variant, activates it, shoppers find it; a price edit follows live; bad input is named by field', async ({
  page,
  browser,
  baseURL,
}) => {
  const tag = randomUUID().slice(0, 8);
  const name = `Grid Walk Jacket ${tag}`;
  const sku = `GWJ-${tag.toUpperCase()}-M`;

  await signIn(page, LIVEIT_ADMIN);
  const admin = new LiveitAdminProductsPage(page);
  await admin.goto();
  await admin.createProduct({
    name,
    category: 'Outerwear & Drivewear',
    description: 'Waxed cotton for cold mornings on the grid.',
  });
  // The slug follows the name; a new product starts as a draft.
  const details = admin.details(name);
  await expect(details.getByRole('textbox', { name: 'Slug' })).toHaveValue(
    `grid-walk-jacket-${tag}`,
  );
  await expect(details.getByRole('combobox', { name: 'Status' })).toHaveText('Draft');

  // A price the form cannot read is named next to the field, and focused.
  const newVariant = admin.newVariantForm(name);
  await admin.addVariant(name, { sku, size: 'M', colour: 'Olive', price: '12.345', stock: 4 });
  const price = newVariant.getByRole('textbox', { name: 'Price (USD)' });
  await expect(price).toHaveAttribute('aria-invalid', 'true');
  await expect(price).toBeFocused();
  await expect(newVariant.getByText('A price has at most two decimals')).toBeVisible();
  // The API's refusal lands by its error.field: this SKU is the seed's.
  await admin.fillVariant(newVariant, { sku: 'TEACAP-NAV', price: '189.5' });
  await newVariant.getByRole('button', { name: /^Add variant/ }).click();
  const skuField = newVariant.getByRole('textbox', { name: 'SKU' });
  await expect(skuField).toHaveAttribute('aria-invalid', 'true');
  await expect(newVariant.getByText('sku is already taken')).toBeVisible();

  await admin.fillVariant(newVariant, { sku });
  await newVariant.getByRole('button', { name: /^Add variant/ }).click();
  await expect(newVariant.getByRole('status')).toHaveText('Variant added');
  await expect(admin.variantForm(sku).getByRole('textbox', { name: 'Price (USD)' })).toHaveValue(
    '189.50',
  );
  // A picture: uploaded to the bucket, its alt text edited.
  await admin.uploadPicture(
    name,
    { name: 'front.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') },
    'Jacket',
  );
  await expect(admin.pictures(name)).toHaveCount(1);
  const picture = page.getByRole('form', { name: 'Picture 1' });
  await picture.getByRole('textbox', { name: 'Alt text' }).fill('Olive jacket, front');
  await picture.getByRole('button', { name: 'Save picture 1' }).click();
  await expect(picture.getByRole('status')).toHaveText('Saved');
  await admin.setStatus(name, 'Active');

  // A shopper in another browser finds it in the catalogue at that price.
  const shopperPage = await newPage(browser, baseURL ?? '');
  await shopperPage.goto(`/shop?q=${encodeURIComponent(name)}`);
  const card = shopperPage.getByTestId('product-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('$189.50');
  await card.getByRole('link', { name }).click();
  const shopper = new LiveitProductPage(shopperPage);
  await expect(shopper.price).toHaveText('$189.50');
  await expect(shopperPage.getByTestId('live-stock-state')).toHaveText('Stock updates live');

  // The admin changes the price: a bad one is refused in place, a good one reaches the open page.
  await admin.setPrice(sku, '0');
  const variantPrice = admin.variantForm(sku).getByRole('textbox', { name: 'Price (USD)' });
  await expect(variantPrice).toHaveAttribute('aria-invalid', 'true');
  await expect(admin.variantForm(sku).getByText('The price must be more than 0')).toBeVisible();
  await admin.setPrice(sku, '$174.25');
  await expect(admin.variantForm(sku).getByRole('status')).toHaveText('Saved');
  await expect(shopper.price).toHaveText('$174.25');

  // The picture is on the product page under its alt text until the admin deletes it.
  const shown = shopperPage.getByRole('img', { name: 'Olive jacket, front' });
  await expect(shown).toHaveCount(1);
  const file = (await shown.getAttribute('src')) ?? '';
  expect((await page.request.get(file)).status()).toBe(200);
  await page.getByRole('button', { name: 'Delete picture 1' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete picture 1?' });
  await confirm.getByRole('button', { name: 'Delete picture' }).click();
  await expect(confirm).toBeHidden();
  await expect(admin.pictures(name)).toHaveCount(0);
  await shopperPage.reload();
  await expect(shopper.price).toHaveText('$174.25');
  await expect(shown).toHaveCount(0);
  // Its file left the bucket too.
  expect((await page.request.get(file)).ok()).toBe(false);
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
