// The cast of the LiveIt database tests: a customer, another customer and an admin, a small
// catalogue (an active product with two variants, a draft product) and one order for each
// customer. Committed as the superuser; removeLiveitCast deletes what it made (the users'
// orders, carts and reviews cascade with them in harness.close()).
import { randomUUID } from 'node:crypto';
import type { DbHarness, TestUser } from './harness.ts';

export interface LiveitCast {
  customer: TestUser;
  otherCustomer: TestUser;
  admin: TestUser;
  categoryId: string;
  activeProductId: string;
  draftProductId: string;
  /** Variant M of the active product: 4500 cents, 10 on hand. */
  variantId: string;
  /** Variant L of the active product: 4500 cents, 2 on hand. */
  lowVariantId: string;
  draftVariantId: string;
  imageId: string;
  customerOrderId: string;
  otherOrderId: string;
}

export const ADMIN_CLAIMS = { app_metadata: { provider: 'email', role: 'admin' } };

export const ADDRESS = {
  name: 'Ada Lovelace',
  line1: '1 Paddock Lane',
  city: 'Silverstone',
  postal_code: 'NN12 8TN',
  country: 'GB',
};

/** A SKU no other test run uses. */
export function uniqueSku(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

/** Places an order as the service role (committed), as liveit-api does; returns its id. */
export async function placeOrder(
  harness: DbHarness,
  customer: string,
  lines: { variant_id: string; quantity: number }[],
  holdMinutes = 30,
): Promise<string> {
  const { rows } = await harness.admin.query<{ order: { id: string } }>(
    'select public.liveit_checkout($1, $2, $3, $4) as order',
    [customer, JSON.stringify(lines), ADDRESS, holdMinutes],
  );
  return rows[0]!.order.id;
}

export async function createLiveitCast(harness: DbHarness): Promise<LiveitCast> {
  const customer = await harness.createUser({ displayName: 'Casey Customer' });
  const otherCustomer = await harness.createUser({ displayName: 'Olive Other' });
  const admin = await harness.createUser({
    displayName: 'Ada Admin',
    appMetadata: { role: 'admin' },
  });
  const tag = randomUUID().slice(0, 8);
  const one = async (sql: string, params: unknown[]) =>
    (await harness.admin.query<{ id: string }>(sql, params)).rows[0]!.id;

  const categoryId = await one(
    `insert into public.liveit_categories (slug, name) values ($1, 'Test category') returning id`,
    [`test-${tag}`],
  );
  const activeProductId = await one(
    `insert into public.liveit_products (category_id, slug, name, status)
     values ($1, $2, 'Apex tee', 'active') returning id`,
    [categoryId, `apex-tee-${tag}`],
  );
  const draftProductId = await one(
    `insert into public.liveit_products (category_id, slug, name, status)
     values ($1, $2, 'Secret jacket', 'draft') returning id`,
    [categoryId, `secret-jacket-${tag}`],
  );
  const variant = (product: string, size: string, stock: number) =>
    one(
      `insert into public.liveit_variants (product_id, sku, size, colour, price_cents, stock_on_hand)
       values ($1, $2, $3, 'Black', 4500, $4) returning id`,
      [product, uniqueSku('TST'), size, stock],
    );
  const variantId = await variant(activeProductId, 'M', 10);
  const lowVariantId = await variant(activeProductId, 'L', 2);
  const draftVariantId = await variant(draftProductId, 'M', 5);
  const imageId = await one(
    `insert into public.liveit_product_images (product_id, storage_path, alt, widths)
     values ($1, $2, 'The Apex tee, front', '{480,960}') returning id`,
    [activeProductId, `apex-tee-${tag}/front.webp`],
  );
  const customerOrderId = await placeOrder(harness, customer.id, [
    { variant_id: variantId, quantity: 1 },
  ]);
  const otherOrderId = await placeOrder(harness, otherCustomer.id, [
    { variant_id: variantId, quantity: 1 },
  ]);
  return {
    customer,
    otherCustomer,
    admin,
    categoryId,
    activeProductId,
    draftProductId,
    variantId,
    lowVariantId,
    draftVariantId,
    imageId,
    customerOrderId,
    otherOrderId,
  };
}

export async function removeLiveitCast(harness: DbHarness, cast: LiveitCast | undefined) {
  if (!cast) return;
  const users = [cast.customer.id, cast.otherCustomer.id, cast.admin.id];
  await harness.admin.query('delete from public.liveit_orders where customer_id = any($1)', [
    users,
  ]);
  await harness.admin.query('delete from public.liveit_products where category_id = $1', [
    cast.categoryId,
  ]);
  await harness.admin.query('delete from public.liveit_categories where id = $1', [
    cast.categoryId,
  ]);
}
