// liveit-api under real Deno against a real stack (auth, REST, PostgreSQL with RLS, and the
// functions relay running liveit-webhooks for test payments): run through
// `pnpm --filter @alawein/functions test`, which starts the stack and passes its URL and keys.
import assert from 'node:assert/strict';
import { createLogger } from '@alawein/logger';
import { PRODUCT_IMAGES_BUCKET } from '@alawein/liveit-domain';
import { createClient } from '@supabase/supabase-js';
import { loadFunctionEnv } from '../_shared/env.ts';
import { clearOfRateWindow } from '../_shared/testing.ts';
import { allowedReturnOrigin, loadLiveitConfig } from '../_liveit/config.ts';
import {
  ADDRESS,
  type Answer,
  callApp,
  createCatalogue,
  orderCount,
  serviceRoleClient,
  signUp,
  stockOf,
} from '../_liveit/testing.ts';
import { createLiveitApp } from './app.ts';

const env = loadFunctionEnv();
const config = loadLiveitConfig(env);
const quiet = createLogger({ level: 'error', sinks: [() => {}] });
const app = createLiveitApp(env, config, quiet);
const admin = serviceRoleClient(env);
const call = (method: string, path: string, options: Parameters<typeof callApp>[4] = {}) =>
  callApp(app.fetch, 'liveit-api', method, path, options);

const catalogue = await createCatalogue(env);
const { m, l, xl, draft } = catalogue.variants;

function checkout(
  token: string,
  items: unknown,
  extra: Record<string, unknown> = {},
): Promise<Answer> {
  return call('POST', '/checkout', { token, body: { items, shipping_address: ADDRESS, ...extra } });
}

Deno.test('health answers ok without a signed-in user', async () => {
  const res = await call('GET', '/health');
  assert.equal(res.status, 200);
  assert.equal(res.json.status, 'ok');
});

Deno.test('no token, the anon key or a forged token gets 401', async () => {
  assert.equal((await call('GET', '/orders')).status, 401);
  assert.equal((await call('GET', '/orders', { token: env.supabaseAnonKey })).status, 401);
  const user = await signUp(env);
  const [header, payload] = user.token.split('.');
  const res = await call('POST', '/checkout', {
    token: `${header}.${payload}.${'A'.repeat(43)}`,
    body: { items: [{ variant_id: m, quantity: 1 }], shipping_address: ADDRESS },
  });
  assert.equal(res.status, 401);
  assert.equal(res.json.error.code, 'unauthorized');
});

Deno.test(
  'checkout prices from the database: 2 × 45.00 → 112.20, held for the customer',
  async () => {
    const user = await signUp(env);
    const before = await stockOf(env, m);
    const res = await checkout(user.token, [{ variant_id: m, quantity: 2 }], {
      app_origin: 'http://127.0.0.1:4173/cart',
    });
    assert.equal(res.status, 201);
    const { order, payment } = res.json;
    assert.match(order.order_number, /^LII-\d{4}-\d{6}$/);
    assert.equal(order.status, 'pending_payment');
    assert.deepEqual(
      [order.subtotal_cents, order.shipping_cents, order.tax_cents, order.total_cents],
      [9000, 1500, 720, 11_220],
    );
    assert.equal(order.items[0].unit_price_cents, 4500);
    assert.equal(order.items[0].variant_label, 'M / Black');
    assert.deepEqual(payment, {
      provider: 'test',
      url: `http://127.0.0.1:4173/orders/${order.id}`,
    });
    const after = await stockOf(env, m);
    assert.equal(after.stock_reserved, before.stock_reserved + 2);
    assert.equal(after.stock_on_hand, before.stock_on_hand);
  },
);

Deno.test('payment returns only to the store: another site is 422 on app_origin', async () => {
  const user = await signUp(env);
  const before = await stockOf(env, m);
  const res = await checkout(user.token, [{ variant_id: m, quantity: 1 }], {
    app_origin: 'https://evil.example',
  });
  assert.equal(res.status, 422);
  assert.equal(res.json.error.field, 'app_origin');
  assert.equal(await orderCount(env, user.id), 0);
  assert.deepEqual(await stockOf(env, m), before);

  const production = loadLiveitConfig(env, (name) =>
    name === 'APP_ENV'
      ? 'production'
      : name === 'LIVEIT_RETURN_ORIGINS'
        ? 'https://staging.liveit.example/'
        : Deno.env.get(name),
  );
  assert.equal(allowedReturnOrigin(production, 'http://localhost:5177'), 'http://localhost:5177');
  assert.equal(allowedReturnOrigin(production, 'http://127.0.0.1:4173'), undefined);
  assert.equal(
    allowedReturnOrigin(production, 'https://staging.liveit.example'),
    'https://staging.liveit.example',
  );
  assert.equal(allowedReturnOrigin(production, undefined), production.appUrl);
});

Deno.test('100.00 ships free: 100.00 + 0 + 8.00 = 108.00', async () => {
  const user = await signUp(env);
  const res = await checkout(user.token, [{ variant_id: xl, quantity: 1 }]);
  assert.equal(res.status, 201);
  assert.deepEqual(
    [res.json.order.shipping_cents, res.json.order.tax_cents, res.json.order.total_cents],
    [0, 800, 10_800],
  );
});

Deno.test('bad input gets a clear error naming the field and writes nothing', async () => {
  const user = await signUp(env);
  const cases: [unknown, number, string | undefined][] = [
    [{ items: [], shipping_address: ADDRESS }, 422, 'items'],
    [
      { items: [{ variant_id: m, quantity: 0 }], shipping_address: ADDRESS },
      422,
      'items.0.quantity',
    ],
    [
      { items: [{ variant_id: m, quantity: 'two' }], shipping_address: ADDRESS },
      400,
      'items.0.quantity',
    ],
    [
      { items: [{ variant_id: 'tee', quantity: 1 }], shipping_address: ADDRESS },
      422,
      'items.0.variant_id',
    ],
    [
      { items: [{ variant_id: m, quantity: 1, price_cents: 1 }], shipping_address: ADDRESS },
      400,
      'items.0',
    ],
    [
      {
        items: [{ variant_id: m, quantity: 1 }],
        shipping_address: { ...ADDRESS, country: 'Britain' },
      },
      422,
      'shipping_address.country',
    ],
    [{ items: [{ variant_id: m, quantity: 1 }] }, 400, 'shipping_address'],
  ];
  for (const [body, status, field] of cases) {
    const res = await call('POST', '/checkout', { token: user.token, body });
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(res.json.error.field, field, JSON.stringify(res.json));
  }
  const notJson = await call('POST', '/checkout', {
    token: user.token,
    rawBody: 'items=1',
    headers: { 'content-type': 'text/plain' },
  });
  assert.equal(notJson.status, 415);
  const broken = await call('POST', '/checkout', { token: user.token, rawBody: '{"items": [' });
  assert.equal(broken.status, 400);
  assert.equal(broken.json.error.code, 'invalid_json');
  assert.equal(await orderCount(env, user.id), 0);
});

Deno.test('out of stock: 409 naming the line and what is left, and nothing held', async () => {
  const user = await signUp(env);
  const before = [await stockOf(env, m), await stockOf(env, l)];
  const res = await checkout(user.token, [
    { variant_id: m, quantity: 1 },
    { variant_id: l, quantity: 4 },
  ]);
  assert.equal(res.status, 409);
  assert.equal(res.json.error.code, 'out_of_stock');
  assert.equal(res.json.error.field, 'items.1.quantity');
  assert.equal(res.json.error.variant_id, l);
  assert.equal(res.json.error.available, 3);
  assert.match(res.json.error.message, /only 3 left/);
  assert.deepEqual([await stockOf(env, m), await stockOf(env, l)], before);
  assert.equal(await orderCount(env, user.id), 0);
});

Deno.test('a variant of a draft product cannot be bought: 422 naming the line', async () => {
  const user = await signUp(env);
  const res = await checkout(user.token, [{ variant_id: draft, quantity: 1 }]);
  assert.equal(res.status, 422);
  assert.equal(res.json.error.code, 'variant_unavailable');
  assert.equal(res.json.error.field, 'items.0.variant_id');
});

Deno.test(
  '50 concurrent checkouts of 1 on 10 in stock: exactly 10 succeed, 40 get 409',
  async () => {
    const db = serviceRoleClient(env);
    const { data: variant, error } = await db
      .from('liveit_variants')
      .insert({
        product_id: catalogue.productId,
        sku: `FN-RACE-${crypto.randomUUID().slice(0, 8)}`.toUpperCase(),
        size: 'RACE',
        price_cents: 2500,
        stock_on_hand: 10,
      })
      .select('id')
      .single();
    if (error) throw error;
    const shoppers = await Promise.all(Array.from({ length: 10 }, () => signUp(env)));
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        checkout(shoppers[i % shoppers.length]!.token, [{ variant_id: variant.id, quantity: 1 }]),
      ),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 10, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 409).length, 40, statuses.join(','));
    assert.ok(
      answers.filter((a) => a.status === 409).every((a) => a.json.error.code === 'out_of_stock'),
    );
    assert.deepEqual(await stockOf(env, variant.id), { stock_on_hand: 10, stock_reserved: 10 });
  },
);

Deno.test('orders: own list with paging and totals; another customer’s order is 404', async () => {
  const user = await signUp(env);
  const other = await signUp(env);
  const first = await checkout(user.token, [{ variant_id: xl, quantity: 1 }]);
  const second = await checkout(user.token, [{ variant_id: m, quantity: 1 }]);
  const theirs = await checkout(other.token, [{ variant_id: m, quantity: 1 }]);
  const page = await call('GET', '/orders?limit=1', { token: user.token });
  assert.equal(page.status, 200);
  assert.equal(page.json.total, 2);
  assert.deepEqual(
    page.json.items.map((o: { id: string }) => o.id),
    [second.json.order.id],
  );
  const next = await call('GET', '/orders?limit=1&offset=1', { token: user.token });
  assert.equal(next.json.items[0].id, first.json.order.id);
  assert.equal((await call('GET', '/orders?limit=500', { token: user.token })).status, 422);
  const own = await call('GET', `/orders/${first.json.order.id}`, { token: user.token });
  assert.equal(own.status, 200);
  assert.equal(own.json.order.total_cents, 10_800);
  const stranger = await call('GET', `/orders/${theirs.json.order.id}`, { token: user.token });
  assert.equal(stranger.status, 404);
  assert.equal((await call('GET', '/orders/not-an-id', { token: user.token })).status, 404);
  const cancelTheirs = await call('POST', `/orders/${theirs.json.order.id}/cancel`, {
    token: user.token,
  });
  assert.equal(cancelTheirs.status, 404);
});

Deno.test('cancel releases the hold; a cancelled order cannot be cancelled or paid', async () => {
  const user = await signUp(env);
  const before = await stockOf(env, l);
  const placed = await checkout(user.token, [{ variant_id: l, quantity: 2 }]);
  assert.equal(placed.status, 201);
  const id = placed.json.order.id;
  const cancelled = await call('POST', `/orders/${id}/cancel`, { token: user.token });
  assert.equal(cancelled.status, 200);
  assert.equal(cancelled.json.order.status, 'cancelled');
  assert.deepEqual(await stockOf(env, l), before);
  const again = await call('POST', `/orders/${id}/cancel`, { token: user.token });
  assert.equal(again.status, 409);
  assert.equal(again.json.error.code, 'invalid_transition');
  assert.equal(
    (await call('POST', `/orders/${id}/test-payment`, { token: user.token })).status,
    409,
  );
});

Deno.test(
  'an expired hold is released: the order reads cancelled and the stock is back',
  async () => {
    const user = await signUp(env);
    const before = await stockOf(env, m);
    const placed = await checkout(user.token, [{ variant_id: m, quantity: 3 }]);
    const id = placed.json.order.id;
    const { error } = await admin
      .from('liveit_orders')
      .update({ reserved_until: new Date(Date.now() - 1000).toISOString() })
      .eq('id', id);
    if (error) throw error;
    const read = await call('GET', `/orders/${id}`, { token: user.token });
    assert.equal(read.json.order.status, 'cancelled');
    assert.deepEqual(await stockOf(env, m), before);
  },
);

Deno.test(
  'test payment goes through liveit-webhooks: paid, and the hold becomes a sale',
  async () => {
    const user = await signUp(env);
    const before = await stockOf(env, xl);
    const placed = await checkout(user.token, [{ variant_id: xl, quantity: 2 }]);
    const id = placed.json.order.id;
    const paid = await call('POST', `/orders/${id}/test-payment`, { token: user.token });
    assert.equal(paid.status, 200, JSON.stringify(paid.json));
    assert.equal(paid.json.order.status, 'paid');
    assert.ok(paid.json.order.paid_at);
    assert.deepEqual(await stockOf(env, xl), {
      stock_on_hand: before.stock_on_hand - 2,
      stock_reserved: before.stock_reserved,
    });
    const twice = await call('POST', `/orders/${id}/test-payment`, { token: user.token });
    assert.equal(twice.status, 409);
    assert.equal(
      (await call('POST', `/orders/${id}/cancel`, { token: user.token })).json.error.code,
      'invalid_transition',
    );
    const other = await signUp(env);
    assert.equal(
      (await call('POST', `/orders/${id}/test-payment`, { token: other.token })).status,
      404,
    );
  },
);

Deno.test('test payments are refused when APP_ENV is production', async () => {
  const production = loadLiveitConfig(env, (name) =>
    name === 'APP_ENV' ? 'production' : Deno.env.get(name),
  );
  assert.equal(production.webhookSecret, undefined);
  const prodApp = createLiveitApp(env, { ...production, stripeSecretKey: 'sk_test_unused' }, quiet);
  const user = await signUp(env);
  const placed = await checkout(user.token, [{ variant_id: m, quantity: 1 }]);
  const res = await callApp(
    prodApp.fetch,
    'liveit-api',
    'POST',
    `/orders/${placed.json.order.id}/test-payment`,
    {
      token: user.token,
    },
  );
  assert.equal(res.status, 403);
  assert.equal(res.json.error.code, 'test_payments_disabled');
  const noStripe = createLiveitApp(env, production, quiet);
  const refused = await callApp(noStripe.fetch, 'liveit-api', 'POST', '/checkout', {
    token: user.token,
    body: { items: [{ variant_id: m, quantity: 1 }], shipping_address: ADDRESS },
  });
  assert.equal(refused.status, 503);
  assert.equal(await orderCount(env, user.id), 1);
});

Deno.test('reviews: only after buying, verified, once', async () => {
  const user = await signUp(env);
  const review = {
    product_id: catalogue.productId,
    rating: 5,
    title: 'Sharp tee',
    body: 'Fits true.',
  };
  const early = await call('POST', '/reviews', { token: user.token, body: review });
  assert.equal(early.status, 403);
  assert.equal(early.json.error.code, 'not_purchased');
  const placed = await checkout(user.token, [{ variant_id: m, quantity: 1 }]);
  await call('POST', `/orders/${placed.json.order.id}/test-payment`, { token: user.token });
  const written = await call('POST', '/reviews', { token: user.token, body: review });
  assert.equal(written.status, 201);
  assert.equal(written.json.review.verified_purchase, true);
  const again = await call('POST', '/reviews', { token: user.token, body: review });
  assert.equal(again.status, 409);
  assert.equal(again.json.error.code, 'already_reviewed');
  assert.equal(
    (await call('POST', '/reviews', { token: user.token, body: { ...review, rating: 6 } })).status,
    422,
  );
  const removed = await call('DELETE', `/reviews/${written.json.review.id}`, { token: user.token });
  assert.equal(removed.status, 204);
});

Deno.test('cart merge adds the guest cart to the saved one', async () => {
  const user = await signUp(env);
  const first = await call('POST', '/cart/merge', {
    token: user.token,
    body: { items: [{ variant_id: m, quantity: 2 }] },
  });
  assert.equal(first.status, 200);
  const merged = await call('POST', '/cart/merge', {
    token: user.token,
    body: {
      items: [
        { variant_id: m, quantity: 1 },
        { variant_id: draft, quantity: 1 },
      ],
    },
  });
  assert.deepEqual(merged.json.items, [{ variant_id: m, quantity: 3 }]);
});

Deno.test('admin routes refuse customers with 403', async () => {
  const user = await signUp(env);
  const before = await stockOf(env, m);
  for (const [method, path, body] of [
    ['GET', '/admin/orders', undefined],
    ['POST', `/admin/variants/${m}/stock`, { delta: 100 }],
    ['POST', '/admin/products', { category_id: catalogue.categoryId, slug: 'nope', name: 'Nope' }],
  ] as const) {
    const res = await call(method, path, { token: user.token, body });
    assert.equal(res.status, 403, path);
    assert.equal(res.json.error.code, 'forbidden');
  }
  assert.deepEqual(await stockOf(env, m), before);
});

Deno.test('admins list and move orders, adjust stock and manage the catalogue', async () => {
  const shopAdmin = await signUp(env, { admin: true });
  const customer = await signUp(env);
  const placed = await checkout(customer.token, [{ variant_id: xl, quantity: 1 }]);
  const id = placed.json.order.id;
  const found = await call('GET', `/admin/orders?q=${encodeURIComponent(customer.email)}`, {
    token: shopAdmin.token,
  });
  assert.equal(found.status, 200);
  assert.deepEqual(
    found.json.items.map((o: { id: string }) => o.id),
    [id],
  );
  const byNumber = await call(
    'GET',
    `/admin/orders?q=${placed.json.order.order_number}&status=pending_payment`,
    {
      token: shopAdmin.token,
    },
  );
  assert.equal(byNumber.json.total, 1);

  const skip = await call('POST', `/admin/orders/${id}/status`, {
    token: shopAdmin.token,
    body: { status: 'shipped' },
  });
  assert.equal(skip.status, 409);
  assert.equal(skip.json.error.code, 'invalid_transition');
  assert.equal(
    (
      await call('POST', `/admin/orders/${id}/status`, {
        token: shopAdmin.token,
        body: { status: 'paid' },
      })
    ).status,
    422,
  );
  await call('POST', `/orders/${id}/test-payment`, { token: customer.token });
  const fulfilled = await call('POST', `/admin/orders/${id}/status`, {
    token: shopAdmin.token,
    body: { status: 'fulfilled' },
  });
  assert.equal(fulfilled.json.order.status, 'fulfilled');
  const shipped = await call('POST', `/admin/orders/${id}/status`, {
    token: shopAdmin.token,
    body: { status: 'shipped' },
  });
  assert.equal(shipped.json.order.status, 'shipped');

  const stock = await call('POST', `/admin/variants/${l}/stock`, {
    token: shopAdmin.token,
    body: { delta: 5 },
  });
  assert.equal(stock.status, 200);
  const held = await checkout(customer.token, [{ variant_id: l, quantity: 2 }]);
  assert.equal(held.status, 201);
  const below = await call('POST', `/admin/variants/${l}/stock`, {
    token: shopAdmin.token,
    body: { stock_on_hand: 1 },
  });
  assert.equal(below.status, 409);
  assert.equal(below.json.error.code, 'stock_below_reserved');
  const set = await call('POST', `/admin/variants/${l}/stock`, {
    token: shopAdmin.token,
    body: { stock_on_hand: 2 },
  });
  assert.equal(set.json.variant.stock_on_hand, 2);

  const slug = `admin-${crypto.randomUUID().slice(0, 8)}`;
  const product = await call('POST', '/admin/products', {
    token: shopAdmin.token,
    body: { category_id: catalogue.categoryId, slug, name: 'Admin tee' },
  });
  assert.equal(product.status, 201);
  assert.equal(product.json.product.status, 'draft');
  const duplicate = await call('POST', '/admin/products', {
    token: shopAdmin.token,
    body: { category_id: catalogue.categoryId, slug, name: 'Twice' },
  });
  assert.equal(duplicate.status, 409);
  assert.equal(duplicate.json.error.field, 'slug');
  const pid = product.json.product.id;
  const variant = await call('POST', `/admin/products/${pid}/variants`, {
    token: shopAdmin.token,
    body: {
      sku: `adm-${slug.slice(6)}`,
      size: 'M',
      colour: 'Red',
      price_cents: 3900,
      stock_on_hand: 4,
    },
  });
  assert.equal(variant.status, 201, JSON.stringify(variant.json));
  assert.equal(variant.json.variant.sku, `ADM-${slug.slice(6).toUpperCase()}`);
  const badPrice = await call('PATCH', `/admin/variants/${variant.json.variant.id}`, {
    token: shopAdmin.token,
    body: { price_cents: 0 },
  });
  assert.equal(badPrice.status, 422);
  assert.equal(badPrice.json.error.field, 'price_cents');
  const bucket = admin.storage.from(PRODUCT_IMAGES_BUCKET);
  const uploaded = await bucket.upload(`${slug}/front.webp`, new Uint8Array([82, 73, 70, 70]), {
    contentType: 'image/webp',
  });
  assert.equal(uploaded.error, null);
  const image = await call('POST', `/admin/products/${pid}/images`, {
    token: shopAdmin.token,
    body: { storage_path: `${slug}/front.webp`, alt: 'Admin tee, front' },
  });
  assert.equal(image.status, 201);
  const live = await call('PATCH', `/admin/products/${pid}`, {
    token: shopAdmin.token,
    body: { status: 'active' },
  });
  assert.equal(live.json.product.status, 'active');
  assert.equal(
    (await call('DELETE', `/admin/images/${image.json.image.id}`, { token: shopAdmin.token }))
      .status,
    204,
  );
  // Deleting a picture takes its files out of the bucket as well.
  const left = await bucket.list(slug);
  assert.deepEqual(left.data, []);
  assert.equal(
    (
      await call('PATCH', `/admin/products/${crypto.randomUUID()}`, {
        token: shopAdmin.token,
        body: { name: 'x' },
      })
    ).status,
    404,
  );
});

Deno.test('writes past the budget get 429 with Retry-After', async () => {
  const user = await signUp(env);
  let last: Answer | undefined;
  // 30 a minute per window: 61 requests overflow it even when they straddle a window's end.
  for (let i = 0; i < 61; i += 1) {
    last = await call('POST', '/cart/merge', { token: user.token, body: { items: [] } });
    if (last.status === 429) break;
  }
  assert.equal(last?.status, 429);
  assert.equal(last?.json.error.code, 'rate_limited');
  assert.ok(Number(last?.headers.get('retry-after')) >= 1);
});

Deno.test(
  'checkout spends the write budget in its own transaction: refused ones count, then 429',
  async () => {
    const user = await signUp(env);
    await clearOfRateWindow(5);
    // 30 writes a minute: 30 refused checkouts (409, nothing written) use the budget up…
    for (let i = 0; i < 30; i += 1) {
      const refused = await checkout(user.token, [{ variant_id: l, quantity: 99 }]);
      assert.equal(refused.status, 409);
    }
    // …so a good one is refused with 429 and Retry-After, and writes nothing.
    const stock = await stockOf(env, m);
    const res = await checkout(user.token, [{ variant_id: m, quantity: 1 }]);
    assert.equal(res.status, 429);
    assert.equal(res.json.error.code, 'rate_limited');
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
    assert.equal(await orderCount(env, user.id), 0);
    assert.deepEqual(await stockOf(env, m), stock);
  },
);

Deno.test(
  'live stock: a shopper subscribed to a variant sees its stock drop on checkout',
  async () => {
    const watcher = createClient(env.supabaseUrl, env.supabaseAnonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
    const seen: number[] = [];
    const subscribed = Promise.withResolvers<void>();
    const updated = Promise.withResolvers<void>();
    const channel = watcher
      .channel(`stock-${xl}`)
      .on(
        'postgres_changes',
        { event: 'UPDATE', schema: 'public', table: 'liveit_variants', filter: `id=eq.${xl}` },
        (change) => {
          seen.push((change.new as { stock_available: number }).stock_available);
          updated.resolve();
        },
      )
      .subscribe((status) => {
        if (status === 'SUBSCRIBED') subscribed.resolve();
      });
    try {
      await subscribed.promise;
      const before = await stockOf(env, xl);
      const user = await signUp(env);
      assert.equal((await checkout(user.token, [{ variant_id: xl, quantity: 1 }])).status, 201);
      const timeout = setTimeout(() => updated.reject(new Error('no realtime update')), 10_000);
      await updated.promise.finally(() => clearTimeout(timeout));
      assert.equal(seen[0], before.stock_on_hand - before.stock_reserved - 1);
    } finally {
      await watcher.removeChannel(channel);
    }
  },
);
