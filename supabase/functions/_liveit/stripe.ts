// Stripe through its own library: Checkout Sessions built from the order's server-side lines,
// webhook signatures verified (and, for test payments, made) with Stripe's helpers.
import Stripe from 'stripe';
import { TAX_RATE_BASIS_POINTS, type Order } from '@alawein/liveit-domain';

const cryptoProvider = Stripe.createSubtleCryptoProvider();

/** Where Stripe's HTTP API answers: api.stripe.com unless a stand-in is named (tests). */
export interface StripeApiAddress {
  host: string;
  port: number;
  protocol: 'http' | 'https';
}

/**
 * A Stripe client on fetch (Deno); the key may be absent when only webhooks are handled.
 * `api` points it at another server speaking Stripe's API: the functions' tests run a local
 * stand-in, as Stripe itself cannot be reached from them.
 */
export function createStripe(secretKey: string | undefined, api?: StripeApiAddress): Stripe {
  return new Stripe(secretKey ?? 'sk_test_webhooks_only', {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 1,
    timeout: 10_000,
    ...api,
  });
}

/** Stripe requires a session to stay open at least 30 minutes. */
const MIN_SESSION_SECONDS = 30 * 60 + 60;

/** The Checkout Session for an order: its lines at their stored prices, shipping, tax. */
export function checkoutSessionParams(
  order: Order,
  urls: { success: string; cancel: string },
  customerEmail: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): Stripe.Checkout.SessionCreateParams {
  const holdEnds = order.reserved_until
    ? Math.floor(Date.parse(order.reserved_until) / 1000)
    : nowSeconds;
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = order.items.map((item) => ({
    quantity: item.quantity,
    price_data: {
      currency: order.currency,
      unit_amount: item.unit_price_cents,
      product_data: {
        name: `${item.product_name} — ${item.variant_label}`,
        metadata: { sku: item.sku },
      },
    },
  }));
  if (order.tax_cents > 0) {
    lineItems.push({
      quantity: 1,
      price_data: {
        currency: order.currency,
        unit_amount: order.tax_cents,
        product_data: { name: `Sales tax (${TAX_RATE_BASIS_POINTS / 100} %)` },
      },
    });
  }
  return {
    mode: 'payment',
    client_reference_id: order.id,
    metadata: { order_id: order.id, order_number: order.order_number },
    ...(customerEmail ? { customer_email: customerEmail } : {}),
    line_items: lineItems,
    shipping_options: [
      {
        shipping_rate_data: {
          type: 'fixed_amount',
          display_name: order.shipping_cents === 0 ? 'Free shipping' : 'Standard shipping',
          fixed_amount: { amount: order.shipping_cents, currency: order.currency },
        },
      },
    ],
    success_url: urls.success,
    cancel_url: urls.cancel,
    expires_at: Math.max(holdEnds, nowSeconds + MIN_SESSION_SECONDS),
  };
}

/** Verifies a webhook's `Stripe-Signature` and parses the event; throws when it does not match. */
export function verifyWebhookEvent(
  stripe: Stripe,
  body: string,
  signature: string,
  secret: string,
): Promise<Stripe.Event> {
  return stripe.webhooks.constructEventAsync(body, signature, secret, undefined, cryptoProvider);
}

/** Signs a payload as Stripe would (Stripe's own test helper): the `Stripe-Signature` value. */
export function signWebhookPayload(
  stripe: Stripe,
  payload: string,
  secret: string,
): Promise<string> {
  return stripe.webhooks.generateTestHeaderStringAsync({ payload, secret, cryptoProvider });
}

/** A `checkout.session.completed` event for a test-mode order, shaped like Stripe's. */
export function testCompletedEvent(order: Order, nowSeconds = Math.floor(Date.now() / 1000)) {
  return {
    id: `evt_test_${crypto.randomUUID().replaceAll('-', '')}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: nowSeconds,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'checkout.session.completed',
    data: {
      object: {
        id: order.payment_reference,
        object: 'checkout.session',
        client_reference_id: order.id,
        metadata: { order_id: order.id, order_number: order.order_number },
        mode: 'payment',
        status: 'complete',
        payment_status: 'paid',
        amount_subtotal: order.subtotal_cents,
        amount_total: order.total_cents,
        currency: order.currency,
      },
    },
  };
}
