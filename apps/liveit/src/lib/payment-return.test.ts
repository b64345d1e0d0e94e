import { describe, expect, it } from 'vitest';
import { PAYMENT_CONFIRM_ATTEMPTS, paymentReturnState } from './payment-return.ts';

describe('paymentReturnState', () => {
  it('confirms while the order is pending, within the bounded attempts, then says it is slow', () => {
    expect(paymentReturnState(true, 'pending_payment', 0)).toBe('confirming');
    expect(paymentReturnState(true, 'pending_payment', PAYMENT_CONFIRM_ATTEMPTS - 1)).toBe(
      'confirming',
    );
    expect(paymentReturnState(true, 'pending_payment', PAYMENT_CONFIRM_ATTEMPTS)).toBe('slow');
  });

  it('shows the paid state once the webhook has marked the order paid', () => {
    expect(paymentReturnState(true, 'paid', 3)).toBe('confirmed');
  });

  it('says nothing without the return flag or once the order has moved on', () => {
    expect(paymentReturnState(false, 'pending_payment', 0)).toBeNull();
    expect(paymentReturnState(false, 'paid', 0)).toBeNull();
    expect(paymentReturnState(true, 'cancelled', 0)).toBeNull();
    expect(paymentReturnState(true, 'shipped', 0)).toBeNull();
  });
});
