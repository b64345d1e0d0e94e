import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { Button, errorMessage } from '@alawein/ui';
import {
  useCancelOrderMutation,
  useOrderQuery,
  useResumePaymentMutation,
  useTestPaymentMutation,
  type Order,
} from '../api/orders.ts';
import { OrderStatusBadge } from '../components/order-status.tsx';
import { OrderTotals } from '../components/order-totals.tsx';
import { usePaymentReturn, type PaymentReturn } from '../lib/payment-return.ts';
import { LinkButton, Page, QueryState } from '@alawein/app-kit';

const PAYMENT_RETURN_TEXT: Record<NonNullable<PaymentReturn>, string> = {
  confirming: 'Payment received — confirming…',
  confirmed: 'Payment confirmed. Thank you! Your order is paid.',
  slow: 'Your payment is taking longer than usual to confirm. It may still be processing: check again in a moment.',
};

function OrderView({
  order,
  placed,
  returned,
  refetch,
}: {
  order: Order;
  placed: boolean;
  /** Stripe sent the shopper back here with `?payment=success`. */
  returned: boolean;
  refetch: () => Promise<unknown>;
}) {
  const payment = usePaymentReturn(returned, order.status, refetch);
  const pay = useTestPaymentMutation();
  const resume = useResumePaymentMutation();
  const cancel = useCancelOrderMutation();
  const error = pay.error ?? resume.error ?? cancel.error;
  const address = order.shipping_address;
  return (
    <Page
      title={`Order ${order.order_number}`}
      actions={<OrderStatusBadge status={order.status} />}
    >
      {placed && (
        <p role="status" className="rounded-lg bg-success-soft p-3">
          Thank you! Your order number is <strong>{order.order_number}</strong>.
        </p>
      )}
      {/* Present from the first render after Stripe's return, so each change is announced. */}
      {returned && (
        <div role="status" data-testid="payment-return">
          {payment.state && (
            <p className={payment.state === 'confirmed' ? 'rounded-lg bg-success-soft p-3' : ''}>
              {PAYMENT_RETURN_TEXT[payment.state]}
            </p>
          )}
        </div>
      )}
      {payment.state === 'slow' && (
        <Button variant="secondary" className="self-start" onClick={payment.checkAgain}>
          Check again
        </Button>
      )}
      <OrderTotals order={order} />
      <section aria-labelledby="ship-heading">
        <h2 id="ship-heading" className="font-semibold">
          Ships to
        </h2>
        <address className="not-italic">
          {address.name}
          <br />
          {address.line1}
          {address.line2 && (
            <>
              <br />
              {address.line2}
            </>
          )}
          <br />
          {address.postal_code} {address.city}, {address.country}
        </address>
      </section>
      {/* No second payment or cancellation while Stripe's verdict is on its way. */}
      {order.status === 'pending_payment' && payment.state !== 'confirming' && (
        <div className="flex flex-wrap gap-3">
          {order.payment_provider === 'test' && (
            <Button onClick={() => pay.mutate(order.id)} loading={pay.isPending}>
              Pay (test mode)
            </Button>
          )}
          {order.payment_provider === 'stripe' && (
            <Button
              onClick={() =>
                resume.mutate(order.id, {
                  onSuccess: ({ url }) => window.location.assign(url),
                })
              }
              // Stays busy while the browser leaves for Stripe.
              loading={resume.isPending || resume.isSuccess}
            >
              Continue to payment
            </Button>
          )}
          <Button
            variant="secondary"
            onClick={() => cancel.mutate(order.id)}
            loading={cancel.isPending}
          >
            Cancel order
          </Button>
        </div>
      )}
      {order.status === 'pending_payment' &&
        order.payment_provider === 'stripe' &&
        payment.state === null && (
          <p className="text-sm">
            Payment through Stripe has not been completed. Continue to the payment page to pay, or
            cancel the order to release the items.
          </p>
        )}
      {order.status === 'pending_payment' && order.reserved_until && (
        <p className="text-sm text-muted-fg">
          Items are held for you until {new Date(order.reserved_until).toLocaleTimeString()}.
        </p>
      )}
      {error && (
        <p role="alert" className="text-danger">
          {errorMessage(error)}
        </p>
      )}
      <LinkButton to="/orders" className="self-start">
        All orders
      </LinkButton>
    </Page>
  );
}

export default function OrderPage() {
  const { id = '' } = useParams();
  const placed = (useLocation().state as { placed?: boolean } | null)?.placed === true;
  const returned = useSearchParams()[0].get('payment') === 'success';
  const order = useOrderQuery(id);
  return (
    <QueryState query={order} label="the order">
      {(data) => (
        <OrderView order={data} placed={placed} returned={returned} refetch={order.refetch} />
      )}
    </QueryState>
  );
}
