// The Stripe Checkout Session liveit-api asks for: built from the order's stored lines and
// totals only (pure; no call to Stripe).
import assert from 'node:assert/strict';
import type { Order } from '@alawein/liveit-domain';
import { checkoutSessionParams } from '../_liveit/stripe.ts';

const now = 1_800_000_000;
const order: Order = {
  id: '6f1c1b5e-2a3d-4c1e-9f00-1a2b3c4d5e6f',
  order_number: 'LII-2026-000123',
  customer_id: '00000000-0000-4000-8000-000000000001',
  status: 'pending_payment',
  currency: 'usd',
  subtotal_cents: 9000,
  shipping_cents: 1500,
  tax_cents: 720,
  total_cents: 11_220,
  shipping_address: { name: 'A', line1: 'B', city: 'C', postal_code: '12345', country: 'US' },
  reserved_until: new Date((now + 30 * 60) * 1000).toISOString(),
  payment_provider: 'stripe',
  payment_reference: null,
  paid_at: null,
  cancelled_at: null,
  created_at: '2026-12-02T00:00:00Z',
  updated_at: '2026-12-02T00:00:00Z',
  items: [
    {
      id: 'i1',
      variant_id: 'v1',
      product_id: 'p1',
      sku: 'APEX-BLA-M',
      product_name: 'Apex Tee',
      variant_label: 'M / Black',
      unit_price_cents: 4500,
      quantity: 2,
      line_total_cents: 9000,
    },
  ],
};

Deno.test('the session charges exactly the order total: lines, tax, shipping', () => {
  const params = checkoutSessionParams(order, { success: 's', cancel: 'c' }, 'a@example.test', now);
  const lines = params.line_items!.map((l) => (l.price_data!.unit_amount ?? 0) * (l.quantity ?? 0));
  const shipping = params.shipping_options![0]!.shipping_rate_data!.fixed_amount!.amount;
  assert.equal(lines.reduce((a, b) => a + b, 0) + shipping, order.total_cents);
  assert.equal(params.client_reference_id, order.id);
  assert.equal(params.metadata!.order_id, order.id);
  assert.equal(params.customer_email, 'a@example.test');
  assert.equal(params.line_items![0]!.price_data!.product_data!.name, 'Apex Tee — M / Black');
});

Deno.test('the session stays open at least the 30 minutes Stripe requires', () => {
  const params = checkoutSessionParams(
    { ...order, reserved_until: null },
    { success: 's', cancel: 'c' },
    undefined,
    now,
  );
  assert.ok(params.expires_at! >= now + 30 * 60);
  assert.equal('customer_email' in params, false);
});
