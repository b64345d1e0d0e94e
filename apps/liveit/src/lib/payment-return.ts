import { useEffect, useState } from 'react';
import type { OrderStatus } from '@alawein/liveit-domain';

/** After Stripe's return the order page asks again this often, this many times, for the webhook's verdict. */
export const PAYMENT_CONFIRM_INTERVAL_MS = 2000;
export const PAYMENT_CONFIRM_ATTEMPTS = 30;

/** What the order page says after Stripe sent the shopper back with `?payment=success`. */
export type PaymentReturn = 'confirming' | 'slow' | 'confirmed' | null;

export function paymentReturnState(
  returned: boolean,
  status: OrderStatus,
  attempts: number,
): PaymentReturn {
  if (!returned) return null;
  if (status === 'paid') return 'confirmed';
  if (status !== 'pending_payment') return null;
  return attempts < PAYMENT_CONFIRM_ATTEMPTS ? 'confirming' : 'slow';
}

/**
 * Stripe redirects before (or while) its webhook marks the order paid, so an order still pending
 * on return is asked for again, a bounded number of times (orders are not on Realtime).
 * `checkAgain` starts another round once those have run out.
 */
export function usePaymentReturn(
  returned: boolean,
  status: OrderStatus,
  refetch: () => Promise<unknown>,
): { state: PaymentReturn; checkAgain: () => void } {
  const [attempts, setAttempts] = useState(0);
  const state = paymentReturnState(returned, status, attempts);
  useEffect(() => {
    if (state !== 'confirming') return;
    const timer = setTimeout(() => {
      void refetch().finally(() => setAttempts((count) => count + 1));
    }, PAYMENT_CONFIRM_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [state, attempts, refetch]);
  return { state, checkAgain: () => setAttempts(0) };
}
