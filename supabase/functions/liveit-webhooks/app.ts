// liveit-webhooks: Stripe's calls (verify_jwt = false: Stripe sends no Supabase JWT; the
// Stripe-Signature header, checked with the endpoint secret, is what authenticates a call).
// checkout.session.completed → paid (the hold becomes a sale); checkout.session.expired →
// cancelled (the hold is released). The SQL records each event id, so a redelivery changes
// nothing. Every refusal is a 400 that changes nothing; Stripe retries non-2xx answers.
import { HANDLED_STRIPE_EVENTS } from '@alawein/liveit-domain';
import type { Logger } from '@alawein/logger';
import type Stripe from 'stripe';
import { z } from 'zod';
import { createFunctionApp, type FunctionApp } from '../_shared/app.ts';
import type { FunctionEnv } from '../_shared/env.ts';
import { ApiError } from '../_shared/errors.ts';
import { MAX_JSON_BYTES } from '../_shared/http.ts';
import type { LiveitConfig } from '../_liveit/config.ts';
import { fromLiveitError } from '../_liveit/errors.ts';
import { createServiceClient } from '../_liveit/service.ts';
import { createStripe, verifyWebhookEvent } from '../_liveit/stripe.ts';

const handled = new Set<string>(HANDLED_STRIPE_EVENTS);
const orderId = z.uuid();

/** The order a Checkout Session was made for (client_reference_id, or metadata.order_id). */
function sessionOrderId(session: Stripe.Checkout.Session): string | undefined {
  const candidate = session.client_reference_id ?? session.metadata?.order_id;
  return orderId.safeParse(candidate).success ? candidate! : undefined;
}

/** Builds the liveit-webhooks app; `index.ts` serves it, tests call `app.fetch` directly. */
export function createWebhooksApp(
  env: FunctionEnv,
  config: LiveitConfig,
  logger: Logger,
): FunctionApp {
  const app = createFunctionApp('liveit-webhooks', env, logger);
  const service = createServiceClient(env, config);
  const stripe = createStripe(config.stripeSecretKey);

  app.post('/', async (c) => {
    if (!config.webhookSecret) {
      throw new ApiError(400, 'webhook_not_configured', 'no webhook signing secret is configured');
    }
    const signature = c.req.header('stripe-signature');
    if (!signature)
      throw new ApiError(400, 'missing_signature', 'the Stripe-Signature header is missing');
    const body = await c.req.text();
    if (new TextEncoder().encode(body).byteLength > MAX_JSON_BYTES) {
      throw new ApiError(
        413,
        'payload_too_large',
        `the body must be at most ${MAX_JSON_BYTES} bytes`,
      );
    }
    let event: Stripe.Event;
    try {
      event = await verifyWebhookEvent(stripe, body, signature, config.webhookSecret);
    } catch {
      throw new ApiError(
        400,
        'invalid_signature',
        'the Stripe signature does not match this payload',
      );
    }
    if (!handled.has(event.type)) return c.json({ received: true, outcome: 'ignored' }, 200);

    const session = event.data.object as Stripe.Checkout.Session;
    const order = sessionOrderId(session);
    if (!order) return c.json({ received: true, outcome: 'unknown_order' }, 200);
    // Delayed methods complete unpaid; only a paid session turns the hold into a sale.
    if (event.type === 'checkout.session.completed' && session.payment_status !== 'paid') {
      return c.json({ received: true, outcome: 'awaiting_payment' }, 200);
    }
    const { data, error } = await service.rpc('liveit_apply_payment_event', {
      event_id: event.id,
      event_type: event.type,
      order_id: order,
      payment_reference: session.id,
    });
    if (error) throw fromLiveitError(error);
    const outcome = z.object({ outcome: z.string() }).parse(data).outcome;
    if (outcome === 'needs_refund' || outcome === 'reference_mismatch') {
      c.get('log').error('payment needs attention', { eventId: event.id, orderId: order, outcome });
    }
    return c.json({ received: true, outcome }, 200);
  });

  return app;
}
