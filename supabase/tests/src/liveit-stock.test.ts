// The stock hold under real concurrency: each checkout is its own committed transaction on its
// own connection, as liveit-api's requests are. A variant is never oversold, reserved never
// exceeds on hand, multi-line checkouts are all-or-nothing and never deadlock, and cancel,
// expiry and payment move the counters exactly.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness, TestUser } from './harness.ts';
import { ADDRESS, uniqueSku } from './liveit-fixtures.ts';
import { connectHarness, testStack } from './stack.ts';

let harness: DbHarness;
let pool: pg.Pool;
let customer: TestUser;
let categoryId: string;

interface Stock {
  stock_on_hand: number;
  stock_reserved: number;
}

beforeAll(async () => {
  harness = connectHarness();
  pool = new pg.Pool({ connectionString: testStack().dbUrl, max: 10 });
  customer = await harness.createUser({ displayName: 'Stock Tester' });
  const { rows } = await harness.admin.query<{ id: string }>(
    `insert into public.liveit_categories (slug, name) values ($1, 'Stock tests') returning id`,
    [`stock-${customer.id.slice(0, 8)}`],
  );
  categoryId = rows[0]!.id;
});

afterAll(async () => {
  if (harness) {
    await harness.admin.query('delete from public.liveit_orders where customer_id = $1', [
      customer.id,
    ]);
    await harness.admin.query('delete from public.liveit_products where category_id = $1', [
      categoryId,
    ]);
    await harness.admin.query('delete from public.liveit_categories where id = $1', [categoryId]);
  }
  await pool?.end();
  await harness?.close();
});

/** An active product with one variant per stock figure; returns the variant ids. */
async function variants(...stock: number[]): Promise<string[]> {
  const { rows } = await harness.admin.query<{ id: string }>(
    `insert into public.liveit_products (category_id, slug, name, status)
     values ($1, $2, 'Stock test', 'active') returning id`,
    [categoryId, `stock-${uniqueSku('p').toLowerCase()}`],
  );
  const ids: string[] = [];
  for (const [index, onHand] of stock.entries()) {
    const variant = await harness.admin.query<{ id: string }>(
      `insert into public.liveit_variants (product_id, sku, size, price_cents, stock_on_hand)
       values ($1, $2, $3, 2500, $4) returning id`,
      [rows[0]!.id, uniqueSku('STK'), `S${index}`, onHand],
    );
    ids.push(variant.rows[0]!.id);
  }
  return ids;
}

async function stockOf(id: string): Promise<Stock> {
  const { rows } = await pool.query<Stock>(
    'select stock_on_hand, stock_reserved from public.liveit_variants where id = $1',
    [id],
  );
  return rows[0]!;
}

type Outcome = { ok: true; orderId: string } | { ok: false; code: string; hint?: string };

/** One checkout in its own transaction (one PostgREST RPC call). */
async function checkout(lines: [string, number][], holdMinutes = 30): Promise<Outcome> {
  try {
    const { rows } = await pool.query<{ order: { id: string } }>(
      'select public.liveit_checkout($1, $2, $3, $4) as order',
      [
        customer.id,
        JSON.stringify(lines.map(([variant_id, quantity]) => ({ variant_id, quantity }))),
        ADDRESS,
        holdMinutes,
      ],
    );
    return { ok: true, orderId: rows[0]!.order.id };
  } catch (error) {
    const { code, hint } = error as { code: string; hint?: string };
    return { ok: false, code, hint };
  }
}

async function orderRow(id: string) {
  const { rows } = await pool.query<{ status: string; cancel_reason: string | null }>(
    'select status, cancel_reason from public.liveit_orders where id = $1',
    [id],
  );
  return rows[0];
}

describe('liveit_checkout under concurrency', () => {
  it('30 simultaneous checkouts of 1 on 10 in stock: exactly 10 succeed, 20 get out_of_stock', async () => {
    const [variant] = await variants(10);
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => checkout([[variant!, 1]])));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(10);
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused).toHaveLength(20);
    expect(new Set(refused.map((o) => (o.ok ? '' : `${o.code} ${o.hint}`)))).toEqual(
      new Set(['LI409 items.0.quantity']),
    );
    expect(await stockOf(variant!)).toEqual({ stock_on_hand: 10, stock_reserved: 10 });
  });

  it('checkouts locking the same two variants in opposite orders never deadlock', async () => {
    const [a, b] = await variants(100, 100);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        checkout(
          i % 2 === 0
            ? [
                [a!, 1],
                [b!, 2],
              ]
            : [
                [b!, 2],
                [a!, 1],
              ],
        ),
      ),
    );
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(await stockOf(a!)).toEqual({ stock_on_hand: 100, stock_reserved: 20 });
    expect(await stockOf(b!)).toEqual({ stock_on_hand: 100, stock_reserved: 40 });
  });

  it('holds all lines or none: one short line leaves every variant untouched', async () => {
    const [plenty, scarce] = await variants(50, 2);
    const outcome = await checkout([
      [plenty!, 5],
      [scarce!, 3],
    ]);
    expect(outcome).toEqual({ ok: false, code: 'LI409', hint: 'items.1.quantity' });
    expect(await stockOf(plenty!)).toEqual({ stock_on_hand: 50, stock_reserved: 0 });
    expect(await stockOf(scarce!)).toEqual({ stock_on_hand: 2, stock_reserved: 0 });
  });

  it('an unknown or unsold variant is named by its line', async () => {
    const [known] = await variants(5);
    const outcome = await checkout([
      [known!, 1],
      ['00000000-0000-4000-8000-0000000000ff', 1],
    ]);
    expect(outcome).toEqual({ ok: false, code: 'LI422', hint: 'items.1.variant_id' });
  });
});

describe('releasing and converting holds', () => {
  it('cancelling releases the hold; a paid order cannot be cancelled', async () => {
    const [variant] = await variants(3);
    const placed = await checkout([[variant!, 2]]);
    if (!placed.ok) throw new Error(placed.code);
    await pool.query('select public.liveit_cancel_order($1, $2)', [placed.orderId, customer.id]);
    expect(await stockOf(variant!)).toEqual({ stock_on_hand: 3, stock_reserved: 0 });
    expect(await orderRow(placed.orderId)).toEqual({
      status: 'cancelled',
      cancel_reason: 'customer',
    });
    await expect(
      pool.query('select public.liveit_cancel_order($1, $2)', [placed.orderId, customer.id]),
    ).rejects.toMatchObject({ code: 'LI410' });
  });

  it('payment turns the hold into a sale: on hand and reserved both drop, once', async () => {
    const [variant] = await variants(5);
    const placed = await checkout([[variant!, 2]]);
    if (!placed.ok) throw new Error(placed.code);
    const event = `evt_${placed.orderId}`;
    const pay = () =>
      pool.query<{ r: { outcome: string } }>(
        `select public.liveit_apply_payment_event($1, 'checkout.session.completed', $2) as r`,
        [event, placed.orderId],
      );
    const [first, second] = await Promise.all([pay(), pay()]);
    expect([first.rows[0]!.r.outcome, second.rows[0]!.r.outcome].sort()).toEqual([
      'duplicate',
      'paid',
    ]);
    expect(await stockOf(variant!)).toEqual({ stock_on_hand: 3, stock_reserved: 0 });
    expect((await orderRow(placed.orderId))!.status).toBe('paid');
  });

  it('an expired hold never blocks a purchase and is released by the next checkout', async () => {
    const [variant] = await variants(2);
    const stale = await checkout([[variant!, 2]]);
    if (!stale.ok) throw new Error(stale.code);
    expect((await checkout([[variant!, 1]])).ok).toBe(false);
    await pool.query(
      `update public.liveit_orders set reserved_until = now() - interval '1 second' where id = $1`,
      [stale.orderId],
    );
    const fresh = await checkout([[variant!, 2]]);
    expect(fresh.ok).toBe(true);
    expect(await orderRow(stale.orderId)).toEqual({
      status: 'cancelled',
      cancel_reason: 'expired',
    });
    expect(await stockOf(variant!)).toEqual({ stock_on_hand: 2, stock_reserved: 2 });
  });

  it('the scheduled release cancels expired orders and gives their stock back', async () => {
    const [variant] = await variants(4);
    const placed = await checkout([[variant!, 3]]);
    if (!placed.ok) throw new Error(placed.code);
    await pool.query(
      `update public.liveit_orders set reserved_until = now() - interval '1 minute' where id = $1`,
      [placed.orderId],
    );
    const { rows } = await pool.query<{ released: number }>(
      'select public.liveit_release_expired_holds() as released',
    );
    expect(rows[0]!.released).toBeGreaterThanOrEqual(1);
    expect(await stockOf(variant!)).toEqual({ stock_on_hand: 4, stock_reserved: 0 });
  });

  it('deleting an account gives back what its pending orders hold', async () => {
    const [variant] = await variants(5);
    const leaving = await harness.createUser({ displayName: 'Leaving' });
    await pool.query('select public.liveit_checkout($1, $2, $3)', [
      leaving.id,
      JSON.stringify([{ variant_id: variant, quantity: 4 }]),
      ADDRESS,
    ]);
    expect(await stockOf(variant!)).toEqual({ stock_on_hand: 5, stock_reserved: 4 });
    await harness.admin.query('delete from auth.users where id = $1', [leaving.id]);
    expect(await stockOf(variant!)).toEqual({ stock_on_hand: 5, stock_reserved: 0 });
  });

  it('abandoning a checkout (no payment session) removes the order and its hold', async () => {
    const [variant] = await variants(3);
    const placed = await checkout([[variant!, 3]]);
    if (!placed.ok) throw new Error(placed.code);
    await pool.query('select public.liveit_abandon_checkout($1)', [placed.orderId]);
    expect(await orderRow(placed.orderId)).toBeUndefined();
    expect(await stockOf(variant!)).toEqual({ stock_on_hand: 3, stock_reserved: 0 });
  });

  it('payment racing expiry leaves consistent counters whichever wins', async () => {
    const [variant] = await variants(6);
    const placed = await checkout([[variant!, 2]]);
    if (!placed.ok) throw new Error(placed.code);
    await pool.query(
      `update public.liveit_orders set reserved_until = now() - interval '1 second' where id = $1`,
      [placed.orderId],
    );
    await Promise.all([
      pool.query(`select public.liveit_apply_payment_event($1, 'checkout.session.completed', $2)`, [
        `evt_race_${placed.orderId}`,
        placed.orderId,
      ]),
      pool.query('select public.liveit_release_expired_holds()'),
    ]);
    // Either paid with the hold converted, or released then paid from free stock: sold either way.
    expect(await stockOf(variant!)).toEqual({ stock_on_hand: 4, stock_reserved: 0 });
    expect((await orderRow(placed.orderId))!.status).toBe('paid');
  });
});
