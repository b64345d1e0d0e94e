// The Stripe payment path of liveit-api, against the real stack, with the app's own `stripe`
// client aimed at a local FAKE of Stripe's HTTP API (`_liveit/fake-stripe-api.ts`; the real
// Stripe cannot be reached from the tests): checkout opens a Checkout Session for the order's
// exact total, POST /orders/:id/payment takes the shopper back to it while it is open, and
// Stripe failing is a 503 that leaves no order and no held stock behind.
// Run through `pnpm --filter @alawein/functions test`.
import assert from 'node:assert/strict';
import { createLogger } from '@alawein/logger';
import { loadFunctionEnv } from '../_shared/env.ts';
import { loadLiveitConfig } from '../_liveit/config.ts';
import { closedStripeAddress, startFakeStripeApi } from '../_liveit/fake-stripe-api.ts';
import { createStripe } from '../_liveit/stripe.ts';
import {
  ADDRESS,
  type Answer,
  callApp,
  createCatalogue,
  orderCount,
  serviceRoleClient,
  signUp,
  stockOf,
  type TestUser,
} from '../_liveit/testing.ts';
import { createLiveitApp } from './app.ts';

const env = loadFunctionEnv();
const STRIPE_KEY = 'sk_test_liveit_fake_stripe_api';
const stripeConfig = loadLiveitConfig(env, (name) =>
  name === 'STRIPE_SECRET_KEY' ? STRIPE_KEY : Deno.env.get(name),
);
const quiet = createLogger({ level: 'error', sinks: [() => {}] });
const fakeStripe = startFakeStripeApi();
const apps = {
  /** Payments through the fake Stripe. */
  stripe: createLiveitApp(env, stripeConfig, quiet, createStripe(STRIPE_KEY, fakeStripe.address)),
  /** Payments through a Stripe that cannot be reached at all. */
  unreachable: createLiveitApp(
    env,
    stripeConfig,
    quiet,
    createStripe(STRIPE_KEY, closedStripeAddress()),
  ),
  /** No Stripe key: the `test` provider. */
  testMode: createLiveitApp(env, loadLiveitConfig(env), quiet),
};
type AppName = keyof typeof apps;
const admin = serviceRoleClient(env);
const { m } = (await createCatalogue(env)).variants;
// Enough stock that every test here can hold some.
await admin.from('liveit_variants').update({ stock_on_hand: 100 }).eq('id', m).throwOnError();

const call = (app: AppName, method: string, path: string, token: string) =>
  callApp(apps[app].fetch, 'liveit-api', method, path, { token });

function checkout(app: AppName, user: TestUser, quantity = 2): Promise<Answer> {
  return callApp(apps[app].fetch, 'liveit-api', 'POST', '/checkout', {
    token: user.token,
    body: {
      items: [{ variant_id: m, quantity }],
      shipping_address: ADDRESS,
      app_origin: 'http://127.0.0.1:4173',
    },
  });
}

const resume = (user: TestUser, orderId: string, app: AppName = 'stripe') =>
  call(app, 'POST', `/orders/${orderId}/payment`, user.token);

async function storedOrder(id: string) {
  const { data, error } = await admin
    .from('liveit_orders')
    .select('status, payment_provider, payment_reference')
    .eq('id', id)
    .maybeSingle();
  if (error) throw error;
  return data;
}

/** A pending Stripe order of a new shopper, and its session in the fake. */
async function pendingStripeOrder() {
  const user = await signUp(env);
  const res = await checkout('stripe', user, 1);
  assert.equal(res.status, 201, JSON.stringify(res.json));
  const order = res.json.order;
  const session = fakeStripe.sessions.get(order.payment_reference);
  assert.ok(session, 'the order names a session the fake created');
  return { user, order, session };
}

Deno.test('checkout opens a Stripe session for the exact total and stores it', async () => {
  const user = await signUp(env);
  const before = await stockOf(env, m);
  const res = await checkout('stripe', user);
  assert.equal(res.status, 201, JSON.stringify(res.json));
  const { order, payment } = res.json;
  assert.deepEqual(
    [order.subtotal_cents, order.shipping_cents, order.tax_cents, order.total_cents],
    [9000, 1500, 720, 11_220],
  );
  const session = fakeStripe.sessions.get(order.payment_reference);
  assert.ok(session);
  assert.deepEqual(payment, { provider: 'stripe', url: session.url });
  assert.equal(session.amount_total, order.total_cents);
  assert.equal(session.total_details.amount_shipping, order.shipping_cents);
  assert.equal(session.client_reference_id, order.id);
  assert.equal(session.metadata.order_number, order.order_number);
  assert.equal(session.customer_email, user.email);
  assert.equal(session.success_url, `http://127.0.0.1:4173/orders/${order.id}?payment=success`);
  assert.deepEqual(await storedOrder(order.id), {
    status: 'pending_payment',
    payment_provider: 'stripe',
    payment_reference: session.id,
  });
  assert.equal((await stockOf(env, m)).stock_reserved, before.stock_reserved + 2);
  const create = fakeStripe.requests.findLast((r) => r.method === 'POST');
  assert.equal(create?.authorization, `Bearer ${STRIPE_KEY}`);
});

Deno.test('POST /orders/:id/payment answers the open session’s page', async () => {
  const { user, order, session } = await pendingStripeOrder();
  const res = await resume(user, order.id);
  assert.equal(res.status, 200, JSON.stringify(res.json));
  assert.deepEqual(res.json, { payment: { provider: 'stripe', url: session.url } });
  assert.ok(
    fakeStripe.requests.some((r) => r.method === 'GET' && r.path.endsWith(`/${session.id}`)),
  );
});

Deno.test(
  'an expired or completed session is 409, and the order is left to the webhook',
  async () => {
    const expired = await pendingStripeOrder();
    fakeStripe.settle(expired.session.id, 'expired');
    const res = await resume(expired.user, expired.order.id);
    assert.equal(res.status, 409);
    assert.equal(res.json.error.code, 'payment_session_expired');
    assert.match(res.json.error.message, /expired/);
    assert.equal((await storedOrder(expired.order.id))?.status, 'pending_payment');

    const paid = await pendingStripeOrder();
    fakeStripe.settle(paid.session.id, 'complete');
    const done = await resume(paid.user, paid.order.id);
    assert.equal(done.status, 409);
    assert.equal(done.json.error.code, 'payment_session_complete');
    assert.equal((await storedOrder(paid.order.id))?.status, 'pending_payment');
  },
);

Deno.test('another shopper’s order, or no order, is 404 and Stripe is not asked', async () => {
  const { order } = await pendingStripeOrder();
  const other = await signUp(env);
  const asked = fakeStripe.requests.length;
  const res = await resume(other, order.id);
  assert.equal(res.status, 404);
  assert.equal(res.json.error.code, 'not_found');
  assert.equal((await resume(other, crypto.randomUUID())).status, 404);
  assert.equal((await resume(other, 'not-an-id')).status, 404);
  assert.equal(fakeStripe.requests.length, asked);
});

Deno.test('a test-mode order or a cancelled one is 409', async () => {
  const shopper = await signUp(env);
  const testOrder = await checkout('testMode', shopper, 1);
  assert.equal(testOrder.status, 201);
  const res = await resume(shopper, testOrder.json.order.id);
  assert.equal(res.status, 409);
  assert.equal(res.json.error.code, 'not_stripe_payment');

  const { user, order } = await pendingStripeOrder();
  assert.equal(
    (await call('stripe', 'POST', `/orders/${order.id}/cancel`, user.token)).status,
    200,
  );
  const cancelled = await resume(user, order.id);
  assert.equal(cancelled.status, 409);
  assert.equal(cancelled.json.error.code, 'invalid_transition');
  assert.match(cancelled.json.error.message, /cancelled order cannot be paid/);
});

Deno.test('Stripe failing or unreachable: resuming is 503 payment_unavailable', async () => {
  const { user, order } = await pendingStripeOrder();
  fakeStripe.failing = true;
  try {
    const res = await resume(user, order.id);
    assert.equal(res.status, 503);
    assert.equal(res.json.error.code, 'payment_unavailable');
  } finally {
    fakeStripe.failing = false;
  }
  const unreachable = await resume(user, order.id, 'unreachable');
  assert.equal(unreachable.status, 503);
  assert.equal(unreachable.json.error.code, 'payment_unavailable');
  assert.equal((await storedOrder(order.id))?.status, 'pending_payment');
});

Deno.test(
  'Stripe failing at checkout: 503, the order abandoned and its stock returned',
  async () => {
    for (const app of ['stripe', 'unreachable'] as const) {
      const user = await signUp(env);
      const before = await stockOf(env, m);
      fakeStripe.failing = app === 'stripe';
      let res: Answer;
      try {
        res = await checkout(app, user);
      } finally {
        fakeStripe.failing = false;
      }
      assert.equal(res.status, 503, app);
      assert.equal(res.json.error.code, 'payment_unavailable');
      assert.equal(await orderCount(env, user.id), 0, `${app}: no order left`);
      assert.deepEqual(await stockOf(env, m), before, `${app}: stock returned`);
    }
  },
);

Deno.test('(cleanup) the fake Stripe API shuts down', async () => {
  await fakeStripe.close();
});
