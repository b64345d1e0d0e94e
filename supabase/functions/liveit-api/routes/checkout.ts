// POST /checkout: validates, then one SQL call (on the function's own database connection)
// spends the shopper's write budget, prices the lines from the database, holds the stock for
// all of them or none and writes the order; then the payment is set up (a Stripe Checkout
// Session, or the test provider). Any failure leaves nothing behind but the spent budget.
import { checkoutRequestSchema, checkoutResponseSchema, type Order } from '@alawein/liveit-domain';
import type { FunctionApp } from '../../_shared/app.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { ApiError } from '../../_shared/errors.ts';
import { readJson } from '../../_shared/http.ts';
import { respond } from '../../_shared/respond.ts';
import { parseInput } from '../../_shared/validation.ts';
import { allowedReturnOrigin } from '../../_liveit/config.ts';
import { fromLiveitError } from '../../_liveit/errors.ts';
import { checkoutSessionParams } from '../../_liveit/stripe.ts';
import type { LiveitDeps } from '../app.ts';
import { placeOrder } from './checkout-data.ts';
import { toOrder } from './orders-data.ts';

export function registerCheckoutRoutes(app: FunctionApp<AuthVariables>, deps: LiveitDeps): void {
  const { config, service, database, stripe } = deps;

  app.post('/checkout', async (c) => {
    const input = parseInput(checkoutRequestSchema, await readJson(c.req.raw));
    if (config.production && !config.stripeSecretKey) {
      throw new ApiError(
        503,
        'payment_unavailable',
        'payments are not configured; try again later',
      );
    }
    const returnOrigin = allowedReturnOrigin(config, input.app_origin);
    if (!returnOrigin) {
      throw new ApiError(
        422,
        'invalid_value',
        'app_origin: not one of this store’s addresses, so payment cannot return there',
        { field: 'app_origin' },
      );
    }
    const provider = config.stripeSecretKey ? 'stripe' : 'test';
    const { user } = c.get('caller');
    const order = toOrder(
      await placeOrder(database, user.id, {
        items: input.items,
        shippingAddress: input.shipping_address,
        holdMinutes: config.holdMinutes,
        provider,
      }),
    );
    const orderUrl = `${returnOrigin}/orders/${order.id}`;
    if (provider === 'test')
      return respond(
        c,
        checkoutResponseSchema,
        { order, payment: { provider, url: orderUrl } },
        201,
      );

    let session: { id: string; url: string | null };
    try {
      session = await stripe.checkout.sessions.create(
        checkoutSessionParams(
          order,
          { success: `${orderUrl}?payment=success`, cancel: orderUrl },
          user.email,
        ),
        { idempotencyKey: `liveit-checkout-${order.id}` },
      );
      const saved = await service.rpc('liveit_set_payment_reference', {
        order_id: order.id,
        reference: session.id,
      });
      if (saved.error) throw fromLiveitError(saved.error);
    } catch (cause) {
      // No session, no order: give the stock back and remove the order.
      await service.rpc('liveit_abandon_checkout', { order_id: order.id });
      c.get('log').error('payment session failed', { error: cause, orderId: order.id });
      throw new ApiError(
        503,
        'payment_unavailable',
        'the payment provider did not answer; try again',
      );
    }
    const placed: Order = { ...order, payment_reference: session.id };
    return respond(
      c,
      checkoutResponseSchema,
      { order: placed, payment: { provider, url: session.url ?? orderUrl } },
      201,
    );
  });
}
