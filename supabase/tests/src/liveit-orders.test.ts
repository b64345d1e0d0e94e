// LiveIt orders, carts and reviews under RLS: customers read only their own orders, admins all,
// anon none; nobody writes orders or prices over REST; the order functions are the service
// role's alone; the money rules are constraints; review stats follow the reviews.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness } from './harness.ts';
import {
  ADDRESS,
  ADMIN_CLAIMS,
  createLiveitCast,
  type LiveitCast,
  removeLiveitCast,
} from './liveit-fixtures.ts';
import { actAs, CHECK_VIOLATION, PERMISSION_DENIED } from './repz-fixtures.ts';
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

const bothOrders = () => [cast.customerOrderId, cast.otherOrderId];
const selectOrders = 'select id from public.liveit_orders where id = any($1) order by id';
const selectLines = 'select order_id from public.liveit_order_items where order_id = any($1)';

describe('liveit_orders and liveit_order_items: reading', () => {
  it('a customer reads their own order and its lines, not another customer’s', async () => {
    const customer = harness.asUser(cast.customer.id);
    expect(await customer.query(selectOrders, [bothOrders()])).toEqual([
      { id: cast.customerOrderId },
    ]);
    expect(await customer.query(selectLines, [bothOrders()])).toEqual([
      { order_id: cast.customerOrderId },
    ]);
  });

  it('another customer reads only theirs', async () => {
    const other = harness.asUser(cast.otherCustomer.id);
    expect(await other.query(selectOrders, [bothOrders()])).toEqual([{ id: cast.otherOrderId }]);
  });

  it('an admin reads every order and line', async () => {
    const admin = harness.asUser(cast.admin.id, ADMIN_CLAIMS);
    expect(await admin.query(selectOrders, [bothOrders()])).toHaveLength(2);
    expect(await admin.query(selectLines, [bothOrders()])).toHaveLength(2);
  });

  it('anon reads no orders at all', async () => {
    await expect(harness.asAnon().query(selectOrders, [bothOrders()])).rejects.toMatchObject(
      PERMISSION_DENIED,
    );
  });

  it('an order line keeps the SKU, name and price it was bought at', async () => {
    const [line] = await harness
      .asUser(cast.customer.id)
      .query(
        'select product_name, variant_label, unit_price_cents, quantity, line_total_cents from public.liveit_order_items where order_id = $1',
        [cast.customerOrderId],
      );
    expect(line).toEqual({
      product_name: 'Apex tee',
      variant_label: 'M / Black',
      unit_price_cents: 4500,
      quantity: 1,
      line_total_cents: 4500,
    });
  });
});

describe('liveit_orders: nobody writes over REST', () => {
  for (const [who, claims] of [
    ['a customer', {}],
    ['an admin', ADMIN_CLAIMS],
  ] as const) {
    it(`${who} cannot insert, update or delete orders or their lines`, async () => {
      const session = () =>
        harness.asUser(claims === ADMIN_CLAIMS ? cast.admin.id : cast.customer.id, claims);
      await expect(
        session().query(
          `insert into public.liveit_orders (customer_id, subtotal_cents, shipping_cents, tax_cents, total_cents, shipping_address)
           values ($1, 100, 1500, 8, 1608, $2)`,
          [cast.customer.id, ADDRESS],
        ),
      ).rejects.toMatchObject(PERMISSION_DENIED);
      await expect(
        session().query(`update public.liveit_orders set status = 'paid' where id = $1`, [
          cast.customerOrderId,
        ]),
      ).rejects.toMatchObject(PERMISSION_DENIED);
      await expect(
        session().query(
          `update public.liveit_order_items set unit_price_cents = 1 where order_id = $1`,
          [cast.customerOrderId],
        ),
      ).rejects.toMatchObject(PERMISSION_DENIED);
      await expect(
        session().query(`delete from public.liveit_orders where id = $1`, [cast.customerOrderId]),
      ).rejects.toMatchObject(PERMISSION_DENIED);
    });
  }

  it('signed-in users cannot call the order-writing functions', async () => {
    const customer = harness.asUser(cast.customer.id);
    await expect(
      customer.query('select public.liveit_checkout($1, $2, $3)', [
        cast.customer.id,
        JSON.stringify([{ variant_id: cast.variantId, quantity: 1 }]),
        ADDRESS,
      ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    // The one-call checkout (its own write budget included) is liveit-api's alone too.
    await expect(
      customer.query('select public.liveit_place_order($1, $2, $3)', [
        cast.customer.id,
        JSON.stringify([{ variant_id: cast.variantId, quantity: 1 }]),
        ADDRESS,
      ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    for (const call of [
      `select public.liveit_apply_payment_event('evt_x', 'checkout.session.completed', $1)`,
      `select public.liveit_cancel_order($1)`,
      `select public.liveit_set_order_status($1, 'shipped')`,
    ]) {
      await expect(
        harness.asUser(cast.admin.id, ADMIN_CLAIMS).query(call, [cast.customerOrderId]),
      ).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});

describe('liveit_orders: the money rules are constraints', () => {
  const insert = `insert into public.liveit_orders (customer_id, subtotal_cents, shipping_cents, tax_cents, total_cents, shipping_address, reserved_until)
    values ($1, $2, $3, $4, $5, $6, now() + interval '30 minutes') returning order_number`;

  it('accepts the issue’s examples and numbers orders LII-YYYY-NNNNNN', async () => {
    const service = harness.asServiceRole();
    const [row] = await service.query<{ order_number: string }>(insert, [
      cast.customer.id,
      9000,
      1500,
      720,
      11_220,
      ADDRESS,
    ]);
    expect(row!.order_number).toMatch(/^LII-\d{4}-\d{6}$/);
    await expect(
      service.query(insert, [cast.customer.id, 10_000, 0, 800, 10_800, ADDRESS]),
    ).resolves.toHaveLength(1);
  });

  it('refuses wrong shipping, tax or total', async () => {
    const service = harness.asServiceRole();
    for (const [subtotal, shipping, tax, total] of [
      [9999, 0, 800, 10_799], // shipping due under 100.00
      [10_000, 1500, 800, 12_300], // free from 100.00
      [9000, 1500, 719, 11_219], // tax is 7.20
      [9000, 1500, 720, 11_221], // total is the sum
    ]) {
      await expect(
        service.query(insert, [cast.customer.id, subtotal, shipping, tax, total, ADDRESS]),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });
});

describe('liveit_cart_items', () => {
  const add =
    'insert into public.liveit_cart_items (variant_id, quantity) values ($1, $2) returning customer_id';

  it('a customer keeps their own cart and nobody else sees it', async () => {
    await harness.asUser(cast.customer.id).run(async (client) => {
      const added = await client.query(add, [cast.variantId, 2]);
      expect(added.rows).toEqual([{ customer_id: cast.customer.id }]);
      await actAs(client, cast.otherCustomer.id);
      const seen = await client.query(
        'select 1 from public.liveit_cart_items where variant_id = $1',
        [cast.variantId],
      );
      expect(seen.rows).toEqual([]);
    });
  });

  it('a customer cannot put items in another customer’s cart', async () => {
    await expect(
      harness
        .asUser(cast.customer.id)
        .query(
          'insert into public.liveit_cart_items (customer_id, variant_id, quantity) values ($1, $2, 1)',
          [cast.otherCustomer.id, cast.variantId],
        ),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('quantities are 1 to 99, and anon has no cart', async () => {
    await expect(
      harness.asUser(cast.customer.id).query(add, [cast.variantId, 100]),
    ).rejects.toMatchObject(CHECK_VIOLATION);
    await expect(harness.asAnon().query(add, [cast.variantId, 1])).rejects.toMatchObject(
      PERMISSION_DENIED,
    );
  });

  it('liveit_merge_cart adds the guest cart to the saved one, capped at 99, skipping drafts', async () => {
    await harness.asUser(cast.customer.id).run(async (client) => {
      await client.query(add, [cast.variantId, 60]);
      const merged = await client.query<{ cart: { items: unknown[] } }>(
        'select public.liveit_merge_cart($1) as cart',
        [
          JSON.stringify([
            { variant_id: cast.variantId, quantity: 50 },
            { variant_id: cast.lowVariantId, quantity: 1 },
            { variant_id: cast.draftVariantId, quantity: 1 },
          ]),
        ],
      );
      // Rows added in one transaction share created_at; compare as a set.
      expect(merged.rows[0]!.cart.items).toHaveLength(2);
      expect(merged.rows[0]!.cart.items).toEqual(
        expect.arrayContaining([
          { variant_id: cast.variantId, quantity: 99 },
          { variant_id: cast.lowVariantId, quantity: 1 },
        ]),
      );
    });
  });
});

describe('liveit_reviews and rating stats', () => {
  it('anyone reads reviews and stats; customers cannot write a review over REST', async () => {
    await expect(
      harness.asAnon().query('select 1 from public.liveit_product_ratings limit 1'),
    ).resolves.toBeDefined();
    await expect(
      harness.asUser(cast.customer.id).query(
        `insert into public.liveit_reviews (product_id, customer_id, author_name, rating, title, verified_purchase)
           values ($1, $2, 'Me', 5, 'Great', true)`,
        [cast.activeProductId, cast.customer.id],
      ),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('only a customer who paid for the product may review it, once; stats follow', async () => {
    await harness.asServiceRole().run(async (client) => {
      const review = (customer: string, rating: number) =>
        client.query<{ verified_purchase: boolean; author_name: string }>(
          `select verified_purchase, author_name from public.liveit_create_review($1, $2, $3, 'Solid', 'Fits well')`,
          [customer, cast.activeProductId, rating],
        );
      await client.query('savepoint s');
      await expect(review(cast.customer.id, 5)).rejects.toMatchObject({ code: 'LI403' });
      await client.query('rollback to savepoint s');
      await client.query(
        `select public.liveit_apply_payment_event('evt_rev_' || gen_random_uuid(), 'checkout.session.completed', $1)`,
        [cast.customerOrderId],
      );
      const written = await review(cast.customer.id, 4);
      expect(written.rows[0]).toMatchObject({
        verified_purchase: true,
        author_name: 'Casey Customer',
      });
      await client.query('savepoint t');
      await expect(review(cast.customer.id, 5)).rejects.toMatchObject({ code: '23505' });
      await client.query('rollback to savepoint t');
      const stats = await client.query(
        'select review_count, average_rating, count_4, count_5 from public.liveit_product_ratings where product_id = $1',
        [cast.activeProductId],
      );
      expect(stats.rows).toEqual([
        { review_count: 1, average_rating: '4.00', count_4: 1, count_5: 0 },
      ]);
      await client.query('delete from public.liveit_reviews where customer_id = $1', [
        cast.customer.id,
      ]);
      const after = await client.query(
        'select review_count, average_rating from public.liveit_product_ratings where product_id = $1',
        [cast.activeProductId],
      );
      expect(after.rows).toEqual([{ review_count: 0, average_rating: null }]);
    });
  });

  it('a customer edits or deletes only their own review, and never the verified flag', async () => {
    await harness.admin.query(
      `insert into public.liveit_reviews (product_id, customer_id, author_name, rating, title)
       values ($1, $2, 'Olive', 3, 'Okay')`,
      [cast.activeProductId, cast.otherCustomer.id],
    );
    const byCustomer = await harness
      .asUser(cast.customer.id)
      .query(`update public.liveit_reviews set rating = 1 where customer_id = $1 returning id`, [
        cast.otherCustomer.id,
      ]);
    expect(byCustomer).toEqual([]);
    expect(
      await harness
        .asUser(cast.customer.id)
        .query(`delete from public.liveit_reviews where customer_id = $1 returning id`, [
          cast.otherCustomer.id,
        ]),
    ).toEqual([]);
    const own = await harness
      .asUser(cast.otherCustomer.id)
      .query(
        `update public.liveit_reviews set rating = 2 where customer_id = $1 returning rating`,
        [cast.otherCustomer.id],
      );
    expect(own).toEqual([{ rating: 2 }]);
    await expect(
      harness
        .asUser(cast.otherCustomer.id)
        .query(`update public.liveit_reviews set verified_purchase = true where customer_id = $1`, [
          cast.otherCustomer.id,
        ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });
});
