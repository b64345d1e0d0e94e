// Test helpers for the LiveIt functions' Deno tests (not loaded by the functions themselves):
// users through the real Auth API, a catalogue fixture through the service role, and calls
// into an app's fetch.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { FunctionEnv } from '../_shared/env.ts';
import {
  anonClient,
  serviceRoleClient,
  signUpTestUser,
  TEST_PASSWORD,
  type TestUser,
} from '../_shared/testing.ts';

export { type Answer, callApp, serviceRoleClient, type TestUser } from '../_shared/testing.ts';

/** Signs up a new shopper (optionally made an admin) and returns their access token. */
export async function signUp(
  env: FunctionEnv,
  options: { admin?: boolean } = {},
): Promise<TestUser> {
  const user = await signUpTestUser(env, 'shopper');
  if (!options.admin) return user;
  const updated = await serviceRoleClient(env).auth.admin.updateUserById(user.id, {
    app_metadata: { role: 'admin' },
  });
  if (updated.error) throw updated.error;
  // A new token carries the new app_metadata.
  const signedIn = await anonClient(env).auth.signInWithPassword({
    email: user.email,
    password: TEST_PASSWORD,
  });
  if (signedIn.error || !signedIn.data.session) throw signedIn.error ?? new Error('no session');
  return { ...user, token: signedIn.data.session.access_token };
}

export interface CatalogueFixture {
  categoryId: string;
  productId: string;
  draftProductId: string;
  /** Variant ids by name: m (4500, 10 on hand), l (4500, 3), xl (10000, 20), draft (2000, 5). */
  variants: Record<'m' | 'l' | 'xl' | 'draft', string>;
}

async function insertId(
  db: SupabaseClient,
  table: string,
  row: Record<string, unknown>,
): Promise<string> {
  const { data, error } = await db.from(table).insert(row).select('id').single<{ id: string }>();
  if (error) throw error;
  return data.id;
}

/** An active product with three variants and a draft product with one, all fresh. */
export async function createCatalogue(env: FunctionEnv): Promise<CatalogueFixture> {
  const db = serviceRoleClient(env);
  const tag = crypto.randomUUID().slice(0, 8);
  const categoryId = await insertId(db, 'liveit_categories', {
    slug: `fn-${tag}`,
    name: 'Function tests',
  });
  const product = (slug: string, status: string) =>
    insertId(db, 'liveit_products', {
      category_id: categoryId,
      slug: `${slug}-${tag}`,
      name: `Test ${slug}`,
      status,
    });
  const productId = await product('apex', 'active');
  const draftProductId = await product('draft', 'draft');
  const variant = (owner: string, size: string, price: number, stock: number) =>
    insertId(db, 'liveit_variants', {
      product_id: owner,
      sku: `FN-${tag}-${owner === productId ? 'A' : 'D'}-${size}`.toUpperCase(),
      size,
      colour: 'Black',
      price_cents: price,
      stock_on_hand: stock,
    });
  return {
    categoryId,
    productId,
    draftProductId,
    variants: {
      m: await variant(productId, 'M', 4500, 10),
      l: await variant(productId, 'L', 4500, 3),
      xl: await variant(productId, 'XL', 10_000, 20),
      draft: await variant(draftProductId, 'M', 2000, 5),
    },
  };
}

/** Stock counters of a variant. */
export async function stockOf(
  env: FunctionEnv,
  variantId: string,
): Promise<{ stock_on_hand: number; stock_reserved: number }> {
  const { data, error } = await serviceRoleClient(env)
    .from('liveit_variants')
    .select('stock_on_hand, stock_reserved')
    .eq('id', variantId)
    .single();
  if (error) throw error;
  return data;
}

/** How many orders a customer has (a refused or abandoned checkout leaves none). */
export async function orderCount(env: FunctionEnv, customer: string): Promise<number> {
  const { count, error } = await serviceRoleClient(env)
    .from('liveit_orders')
    .select('id', { count: 'exact', head: true })
    .eq('customer_id', customer);
  if (error) throw error;
  return count ?? -1;
}

export const ADDRESS = {
  name: 'Ada Lovelace',
  line1: '1 Paddock Lane',
  city: 'Silverstone',
  postal_code: 'NN12 8TN',
  country: 'GB',
};
