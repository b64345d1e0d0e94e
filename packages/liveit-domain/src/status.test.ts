import { describe, expect, it } from 'vitest';
import { canTransition, isFinalStatus, nextStatuses, ORDER_STATUSES } from './status.ts';

describe('order status transitions', () => {
  it('follows pending_payment → paid → fulfilled → shipped', () => {
    expect(canTransition('pending_payment', 'paid')).toBe(true);
    expect(canTransition('paid', 'fulfilled')).toBe(true);
    expect(canTransition('fulfilled', 'shipped')).toBe(true);
  });

  it('cancels only an unpaid order', () => {
    expect(canTransition('pending_payment', 'cancelled')).toBe(true);
    for (const from of ['paid', 'fulfilled', 'shipped', 'cancelled'] as const) {
      expect(canTransition(from, 'cancelled')).toBe(false);
    }
  });

  it('refuses skipping, going back and staying put', () => {
    expect(canTransition('pending_payment', 'shipped')).toBe(false);
    expect(canTransition('paid', 'shipped')).toBe(false);
    expect(canTransition('shipped', 'fulfilled')).toBe(false);
    expect(canTransition('cancelled', 'paid')).toBe(false);
    for (const status of ORDER_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('shipped and cancelled are final', () => {
    expect(isFinalStatus('shipped')).toBe(true);
    expect(isFinalStatus('cancelled')).toBe(true);
    expect(nextStatuses('paid')).toEqual(['fulfilled']);
  });
});
