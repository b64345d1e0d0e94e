// GET /orders, GET /orders/:id, POST /orders/:id/cancel, POST /orders/:id/payment (back to
// Stripe's page), POST /orders/:id/test-payment.
import {
  orderListQuerySchema,
  orderListResponseSchema,
  orderPaymentResponseSchema,
  orderResponseSchema,
  type Order,
} from '@alawein/liveit-domain';
import type Stripe from 'stripe';
import type { FunctionApp } from '../../_shared/app.ts';
import type { AuthVariables, Caller } from '../../_shared/auth.ts';
import { ApiError } from '../../_shared/errors.ts';
import { respond } from '../../_shared/respond.ts';
import { parseInput } from '../../_shared/validation.ts';
import { fromLiveitError } from '../../_liveit/errors.ts';
import { signWebhookPayload, testCompletedEvent } from '../../_liveit/stripe.ts';
import type { LiveitDeps } from '../app.ts';
import { orderIdParam, readOrder } from './orders-data.ts';

export function registerOrderRoutes(app: FunctionApp<AuthVariables>, deps: LiveitDeps): void {
  const { config, service, stripe } = deps;

  /** Cancels whatever holds have run out, so statuses read next are current. */
  async function releaseExpired(): Promise<void> {
    const { error } = await service.rpc('liveit_release_expired_holds', {});
    if (error) throw fromLiveitError(error);
  }

  app.get('/orders', async (c) => {
    const query = parseInput(orderListQuerySchema, c.req.query());
    await releaseExpired();
    const { data, error } = await service.rpc('liveit_list_orders', {
      customer: c.get('caller').user.id,
      status_filter: query.status,
      page_limit: query.limit,
      page_offset: query.offset,
    });
    if (error) throw fromLiveitError(error);
    return respond(c, orderListResponseSchema, data);
  });

  app.get('/orders/:id', async (c) => {
    const id = orderIdParam(c.req.param('id'));
    await releaseExpired();
    return respond(c, orderResponseSchema, { order: await readOrder(c.get('caller').db, id) });
  });

  /** The caller's own order (admins read every order, but pay only their own), or 404. */
  async function readOwnOrder(caller: Caller, id: string): Promise<Order> {
    const order = await readOrder(caller.db, id);
    if (order.customer_id !== caller.user.id)
      throw new ApiError(404, 'not_found', 'order not found', { field: 'id' });
    return order;
  }

  app.post('/orders/:id/cancel', async (c) => {
    const id = orderIdParam(c.req.param('id'));
    const { data, error } = await service.rpc('liveit_cancel_order', {
      order_id: id,
      customer: c.get('caller').user.id,
    });
    if (error) throw fromLiveitError(error);
    return respond(c, orderResponseSchema, { order: data });
  });

  // "Continue to payment": a shopper who left Stripe's page goes back to the same Checkout
  // Session while it is open. Its end (paid or expired) reaches the order through the webhook.
  app.post('/orders/:id/payment', async (c) => {
    const id = orderIdParam(c.req.param('id'));
    await releaseExpired();
    const order = await readOwnOrder(c.get('caller'), id);
    if (order.status !== 'pending_payment') {
      throw new ApiError(409, 'invalid_transition', `a ${order.status} order cannot be paid`, {
        field: 'status',
      });
    }
    if (order.payment_provider !== 'stripe' || !order.payment_reference) {
      throw new ApiError(
        409,
        'not_stripe_payment',
        'this order is not paid through Stripe; pay it from its order page',
      );
    }
    let session: Stripe.Checkout.Session;
    try {
      session = await stripe.checkout.sessions.retrieve(order.payment_reference);
    } catch (cause) {
      c.get('log').error('payment session not retrieved', { error: cause, orderId: id });
      throw new ApiError(
        503,
        'payment_unavailable',
        'the payment provider did not answer; try again',
      );
    }
    if (session.status === 'expired') {
      throw new ApiError(
        409,
        'payment_session_expired',
        'the payment page for this order has expired; the order is being cancelled and its items released',
      );
    }
    if (session.status === 'complete') {
      throw new ApiError(
        409,
        'payment_session_complete',
        'this order’s payment is complete; the order is marked paid in a moment',
      );
    }
    if (!session.url) {
      c.get('log').error('open payment session without a url', { orderId: id });
      throw new ApiError(
        503,
        'payment_unavailable',
        'the payment page is not available; try again',
      );
    }
    return respond(c, orderPaymentResponseSchema, {
      payment: { provider: 'stripe', url: session.url },
    });
  });

  // "Pay (test mode)": the same signed event Stripe would send, through liveit-webhooks.
  app.post('/orders/:id/test-payment', async (c) => {
    const id = orderIdParam(c.req.param('id'));
    if (config.production || !config.webhookSecret) {
      throw new ApiError(403, 'test_payments_disabled', 'test payments are off in production');
    }
    const caller = c.get('caller');
    const order = await readOwnOrder(caller, id);
    if (order.payment_provider !== 'test') {
      throw new ApiError(403, 'test_payments_disabled', 'this order is paid through Stripe');
    }
    if (order.status !== 'pending_payment') {
      throw new ApiError(409, 'invalid_transition', `a ${order.status} order cannot be paid`, {
        field: 'status',
      });
    }
    const payload = JSON.stringify(testCompletedEvent(order));
    const signature = await signWebhookPayload(stripe, payload, config.webhookSecret);
    const delivered = await fetch(config.webhooksUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    const answer = await delivered.text();
    if (!delivered.ok) {
      c.get('log').error('test payment not accepted', { status: delivered.status, answer });
      throw new ApiError(
        503,
        'payment_unavailable',
        'the payment could not be recorded; try again',
      );
    }
    return respond(c, orderResponseSchema, { order: await readOrder(caller.db, id) });
  });
}
