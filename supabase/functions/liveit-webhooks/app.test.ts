// liveit-webhooks under real Deno against a real stack: signatures made with Stripe's own test
// helper; a bad or missing signature, or no configured secret, is a 400 that changes nothing;
// completed pays once however often it is delivered; expired cancels and releases the hold.
import assert from 'node:assert/strict';
import { createLogger } from '@alawein/logger';
import { loadFunctionEnv } from '../_shared/env.ts';
import { loadLiveitConfig, LOCAL_WEBHOOK_SECRET } from '../_liveit/config.ts';
import { createStripe, signWebhookPayload } from '../_liveit/stripe.ts';
import {
  ADDRESS,
  callApp,
  createCatalogue,
  serviceRoleClient,
  stockOf,
  signUp,
} from '../_liveit/testing.ts';
import { createWebhooksApp } from './app.ts';

const env = loadFunctionEnv();
const config = loadLiveitConfig(env);
const quiet = createLogger({ level: 'error', sinks: [() => {}] });
const webhooks = createWebhooksApp(env, config, quiet);
const stripe = createStripe(undefined);
const db = serviceRoleClient(env);
const catalogue = await createCatalogue(env);
const variant = catalogue.variants.m;

interface PlacedOrder {
  id: string;
  payment_reference: string;
}

async function placeOrder(quantity = 2): Promise<PlacedOrder> {
  const user = await signUp(env);
  // As liveit-api's checkout does, through the service-role SQL function.
  const { data, error } = await db.rpc('liveit_checkout', {
    customer: user.id,
    items: [{ variant_id: variant, quantity }],
    shipping_address: ADDRESS,
  });
  if (error) throw error;
  return data as PlacedOrder;
}

function sessionEvent(type: string, order: PlacedOrder, overrides: Record<string, unknown> = {}) {
  return {
    id: `evt_${crypto.randomUUID().replaceAll('-', '')}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: order.payment_reference,
        object: 'checkout.session',
        client_reference_id: order.id,
        payment_status: type === 'checkout.session.completed' ? 'paid' : 'unpaid',
        ...overrides,
      },
    },
  };
}

async function deliver(
  event: unknown,
  options: { secret?: string; signature?: string | null } = {},
) {
  const payload = JSON.stringify(event);
  const signature =
    options.signature === undefined
      ? await signWebhookPayload(stripe, payload, options.secret ?? LOCAL_WEBHOOK_SECRET)
      : options.signature;
  return callApp(webhooks.fetch, 'liveit-webhooks', 'POST', '', {
    rawBody: payload,
    headers: signature === null ? {} : { 'stripe-signature': signature },
  });
}

async function statusOf(id: string): Promise<string> {
  const { data, error } = await db.from('liveit_orders').select('status').eq('id', id).single();
  if (error) throw error;
  return data.status;
}

Deno.test(
  'checkout.session.completed pays the order once, however often it is delivered',
  async () => {
    const before = await stockOf(env, variant);
    const order = await placeOrder();
    const event = sessionEvent('checkout.session.completed', order);
    const first = await deliver(event);
    assert.equal(first.status, 200);
    assert.equal(first.json.outcome, 'paid');
    assert.equal(await statusOf(order.id), 'paid');
    const sold = await stockOf(env, variant);
    assert.deepEqual(sold, {
      stock_on_hand: before.stock_on_hand - 2,
      stock_reserved: before.stock_reserved,
    });
    const again = await deliver(event);
    assert.equal(again.status, 200);
    assert.equal(again.json.outcome, 'duplicate');
    assert.deepEqual(await stockOf(env, variant), sold);
  },
);

Deno.test('checkout.session.expired cancels the order and releases the hold', async () => {
  const before = await stockOf(env, variant);
  const order = await placeOrder(3);
  const res = await deliver(sessionEvent('checkout.session.expired', order));
  assert.equal(res.json.outcome, 'cancelled');
  assert.equal(await statusOf(order.id), 'cancelled');
  assert.deepEqual(await stockOf(env, variant), before);
});

Deno.test('a bad or missing signature is 400 and changes nothing', async () => {
  const order = await placeOrder(1);
  const held = await stockOf(env, variant);
  const event = sessionEvent('checkout.session.completed', order);
  const wrongSecret = await deliver(event, { secret: 'whsec_someone_else' });
  assert.equal(wrongSecret.status, 400);
  assert.equal(wrongSecret.json.error.code, 'invalid_signature');
  const garbage = await deliver(event, { signature: 't=1,v1=deadbeef' });
  assert.equal(garbage.status, 400);
  const missing = await deliver(event, { signature: null });
  assert.equal(missing.status, 400);
  assert.equal(missing.json.error.code, 'missing_signature');
  // A payload altered after signing.
  const payload = JSON.stringify(event);
  const signature = await signWebhookPayload(stripe, payload, LOCAL_WEBHOOK_SECRET);
  const tampered = await callApp(webhooks.fetch, 'liveit-webhooks', 'POST', '', {
    rawBody: payload.replace('"paid"', '"paid" '),
    headers: { 'stripe-signature': signature },
  });
  assert.equal(tampered.status, 400);
  assert.equal(await statusOf(order.id), 'pending_payment');
  assert.deepEqual(await stockOf(env, variant), held);
});

Deno.test('with no webhook secret configured every event is 400, never 500', async () => {
  const unconfigured = createWebhooksApp(env, { ...config, webhookSecret: undefined }, quiet);
  const order = await placeOrder(1);
  const payload = JSON.stringify(sessionEvent('checkout.session.completed', order));
  const res = await callApp(unconfigured.fetch, 'liveit-webhooks', 'POST', '', {
    rawBody: payload,
    headers: {
      'stripe-signature': await signWebhookPayload(stripe, payload, LOCAL_WEBHOOK_SECRET),
    },
  });
  assert.equal(res.status, 400);
  assert.equal(res.json.error.code, 'webhook_not_configured');
  assert.equal(await statusOf(order.id), 'pending_payment');
});

Deno.test(
  'a session made for another order, an unpaid completion or another event type changes nothing',
  async () => {
    const order = await placeOrder(1);
    const mismatch = await deliver(
      sessionEvent('checkout.session.completed', order, { id: 'cs_test_someone_elses_session' }),
    );
    assert.equal(mismatch.json.outcome, 'reference_mismatch');
    const unpaid = await deliver(
      sessionEvent('checkout.session.completed', order, { payment_status: 'unpaid' }),
    );
    assert.equal(unpaid.json.outcome, 'awaiting_payment');
    const other = await deliver({ ...sessionEvent('customer.created', order) });
    assert.equal(other.json.outcome, 'ignored');
    const unknown = await deliver(
      sessionEvent('checkout.session.completed', order, { client_reference_id: 'nope' }),
    );
    assert.equal(unknown.json.outcome, 'unknown_order');
    assert.equal(await statusOf(order.id), 'pending_payment');
  },
);
