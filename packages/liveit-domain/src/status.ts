// The order lifecycle. Payment moves pending_payment → paid; the shop moves paid → fulfilled →
// shipped; only an unpaid order can be cancelled (by the customer, the shop or hold expiry).
// The SQL function liveit_set_order_status enforces the same table.

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'fulfilled',
  'shipped',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['fulfilled'],
  fulfilled: ['shipped'],
  shipped: [],
  cancelled: [],
};

/** The statuses an order in `from` may move to next. */
export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return TRANSITIONS[from];
}

/** Whether an order may move from `from` to `to` (staying put is not a transition). */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses an admin may set by hand; paid comes only from a payment. */
export const ADMIN_SETTABLE_STATUSES = ['fulfilled', 'shipped', 'cancelled'] as const;
export type AdminSettableStatus = (typeof ADMIN_SETTABLE_STATUSES)[number];

/** Whether the order is finished: nothing more will happen to it. */
export function isFinalStatus(status: OrderStatus): boolean {
  return TRANSITIONS[status].length === 0;
}
