import type { OrderStatus } from '@alawein/liveit-domain';

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  fulfilled: 'Fulfilled',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span
      className="inline-block rounded-full border border-border px-2 py-0.5 text-sm"
      data-testid="order-status"
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
