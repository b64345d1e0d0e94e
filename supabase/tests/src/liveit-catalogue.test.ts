// LiveIt catalogue under RLS: anyone reads the active catalogue, admins read and write all of
// it, nobody else writes; stock_reserved is written by no API role; the constraints hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness, Session } from './harness.ts';
import {
  ADMIN_CLAIMS,
  createLiveitCast,
  type LiveitCast,
  removeLiveitCast,
  uniqueSku,
} from './liveit-fixtures.ts';
import {
  CHECK_VIOLATION,
  PERMISSION_DENIED,
  RLS_VIOLATION,
  UNIQUE_VIOLATION,
} from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

let harness: DbHarness;
let cast: LiveitCast;

beforeAll(async () => {
  harness = connectHarness();
  cast = await createLiveitCast(harness);
});

afterAll(async () => {
  await removeLiveitCast(harness, cast);
  await harness?.close();
});

const asAdmin = () => harness.asUser(cast.admin.id, ADMIN_CLAIMS);

async function ids(session: Session, table: string, column: string, values: string[]) {
  const rows = await session.query<{ id: string }>(
    `select id from public.${table} where ${column} = any($1) order by id`,
    [values],
  );
  return rows.map((row) => row.id);
}

describe('liveit catalogue: reading', () => {
  it('anon and customers see active products, their variants and images, not drafts', async () => {
    for (const session of [harness.asAnon(), harness.asUser(cast.customer.id)]) {
      expect(
        await ids(session, 'liveit_products', 'id', [cast.activeProductId, cast.draftProductId]),
      ).toEqual([cast.activeProductId]);
      expect(
        await ids(session, 'liveit_variants', 'product_id', [
          cast.activeProductId,
          cast.draftProductId,
        ]),
      ).toHaveLength(2);
      expect(await ids(session, 'liveit_product_images', 'id', [cast.imageId])).toEqual([
        cast.imageId,
      ]);
      expect(await ids(session, 'liveit_categories', 'id', [cast.categoryId])).toEqual([
        cast.categoryId,
      ]);
    }
  });

  it('admins see drafts and their variants too', async () => {
    expect(
      await ids(asAdmin(), 'liveit_products', 'id', [cast.activeProductId, cast.draftProductId]),
    ).toHaveLength(2);
    expect(await ids(asAdmin(), 'liveit_variants', 'id', [cast.draftVariantId])).toEqual([
      cast.draftVariantId,
    ]);
  });

  it('a variant shows what is available: on hand minus held', async () => {
    const [row] = await harness
      .asAnon()
      .query<{ stock_on_hand: number; stock_reserved: number; stock_available: number }>(
        'select stock_on_hand, stock_reserved, stock_available from public.liveit_variants where id = $1',
        [cast.variantId],
      );
    // The cast's two orders hold one each.
    expect(row).toEqual({ stock_on_hand: 10, stock_reserved: 2, stock_available: 8 });
  });
});

describe('liveit_product_cards', () => {
  it('shows anon the active products with price range, stock left and first image', async () => {
    const rows = await harness
      .asAnon()
      .query(
        'select id, min_price_cents, max_price_cents, stock_available, image_path from public.liveit_product_cards where category_id = $1',
        [cast.categoryId],
      );
    expect(rows).toEqual([
      {
        id: cast.activeProductId,
        min_price_cents: 4500,
        max_price_cents: 4500,
        stock_available: 8 + 2,
        image_path: expect.stringMatching(/\/front\.webp$/) as unknown,
      },
    ]);
  });

  it('shows admins drafts too', async () => {
    const rows = await asAdmin().query(
      'select id from public.liveit_product_cards where category_id = $1',
      [cast.categoryId],
    );
    expect(rows).toHaveLength(2);
  });
});

describe('liveit catalogue: writing', () => {
  it('anon cannot write the catalogue at all', async () => {
    await expect(
      harness
        .asAnon()
        .query(`update public.liveit_products set name = 'x' where id = $1`, [
          cast.activeProductId,
        ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(
      harness
        .asAnon()
        .query(`insert into public.liveit_categories (slug, name) values ('anon', 'Anon')`),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('a customer cannot add, change or delete products, variants, images or categories', async () => {
    const customer = harness.asUser(cast.customer.id);
    await expect(
      customer.query(
        `insert into public.liveit_products (category_id, slug, name) values ($1, 'mine', 'Mine')`,
        [cast.categoryId],
      ),
    ).rejects.toMatchObject(RLS_VIOLATION);
    const changed = await customer.query(
      `update public.liveit_variants set price_cents = 1, stock_on_hand = 999 where id = $1 returning id`,
      [cast.variantId],
    );
    expect(changed).toEqual([]);
    expect(
      await customer.query(`delete from public.liveit_product_images where id = $1 returning id`, [
        cast.imageId,
      ]),
    ).toEqual([]);
    expect(
      await customer.query(`delete from public.liveit_categories where id = $1 returning id`, [
        cast.categoryId,
      ]),
    ).toEqual([]);
  });

  it('an admin adds a product with a variant and an image, and edits price and stock', async () => {
    await asAdmin().run(async (client) => {
      const product = await client.query<{ id: string }>(
        `insert into public.liveit_products (category_id, slug, name, status)
         values ($1, 'admin-made', 'Admin made', 'draft') returning id`,
        [cast.categoryId],
      );
      const id = product.rows[0]!.id;
      await client.query(
        `insert into public.liveit_variants (product_id, sku, price_cents, stock_on_hand) values ($1, $2, 2500, 4)`,
        [id, uniqueSku('ADM')],
      );
      await client.query(
        `insert into public.liveit_product_images (product_id, storage_path, alt) values ($1, 'admin-made/a.webp', 'A')`,
        [id],
      );
      const updated = await client.query(
        `update public.liveit_variants set price_cents = 4900, stock_on_hand = 20 where id = $1 returning price_cents`,
        [cast.variantId],
      );
      expect(updated.rows).toEqual([{ price_cents: 4900 }]);
    });
  });

  it('nobody writes stock_reserved over REST, not even an admin', async () => {
    await expect(
      asAdmin().query(`update public.liveit_variants set stock_reserved = 0 where id = $1`, [
        cast.variantId,
      ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('an admin cannot set on hand below what unpaid orders hold', async () => {
    await expect(
      asAdmin().query(`update public.liveit_variants set stock_on_hand = 1 where id = $1`, [
        cast.variantId,
      ]),
    ).rejects.toMatchObject(CHECK_VIOLATION);
  });

  it('liveit_adjust_stock changes stock for admins and finds nothing for customers', async () => {
    const [row] = await asAdmin().query<{ stock_on_hand: number }>(
      'select stock_on_hand from public.liveit_adjust_stock($1, delta => 5)',
      [cast.variantId],
    );
    expect(row!.stock_on_hand).toBe(15);
    await expect(
      asAdmin().query('select public.liveit_adjust_stock($1, on_hand => 1)', [cast.variantId]),
    ).rejects.toMatchObject({ code: 'LI411', hint: 'stock_on_hand' });
    await expect(
      harness
        .asUser(cast.customer.id)
        .query('select public.liveit_adjust_stock($1, delta => 5)', [cast.variantId]),
    ).rejects.toMatchObject({ code: 'P0002' });
  });
});

describe('liveit catalogue: constraints', () => {
  const insertVariant = `insert into public.liveit_variants (product_id, sku, size, price_cents, stock_on_hand, stock_reserved)
    values ($1, $2, $3, $4, $5, $6)`;

  it('a price is positive, stock is never negative and reserved never exceeds on hand', async () => {
    const service = harness.asServiceRole();
    const product = cast.activeProductId;
    for (const [price, onHand, reserved] of [
      [0, 1, 0],
      [100, -1, 0],
      [100, 1, -1],
      [100, 1, 2],
    ]) {
      await expect(
        service.query(insertVariant, [product, uniqueSku('BAD'), 'XS', price, onHand, reserved]),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });

  it('a SKU is unique', async () => {
    const service = harness.asServiceRole();
    const sku = uniqueSku('DUP');
    await expect(
      service.run(async (client) => {
        await client.query(insertVariant, [cast.activeProductId, sku, 'XS', 100, 1, 0]);
        await client.query(insertVariant, [cast.activeProductId, sku, 'XL', 100, 1, 0]);
      }),
    ).rejects.toMatchObject(UNIQUE_VIOLATION);
  });

  it('a product status is draft, active or archived', async () => {
    await expect(
      asAdmin().query(`update public.liveit_products set status = 'hidden' where id = $1`, [
        cast.activeProductId,
      ]),
    ).rejects.toMatchObject(CHECK_VIOLATION);
  });
});

describe('liveit-product-images bucket', () => {
  const upload = `insert into storage.objects (bucket_id, name, owner) values ('liveit-product-images', $1, $2)`;

  it('is public and written only by admins', async () => {
    const [bucket] = await harness.admin
      .query<{ public: boolean }>(
        `select public from storage.buckets where id = 'liveit-product-images'`,
      )
      .then((r) => r.rows);
    expect(bucket!.public).toBe(true);
    await expect(
      harness.asUser(cast.customer.id).query(upload, ['apex-tee/x.webp', cast.customer.id]),
    ).rejects.toMatchObject(RLS_VIOLATION);
    await expect(asAdmin().query(upload, ['apex-tee/x.webp', cast.admin.id])).resolves.toEqual([]);
  });
});
