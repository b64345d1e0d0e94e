import { describe, expect, it } from 'vitest';
import { formatOrderNumber, parseOrderNumber } from './order-number.ts';

describe('order numbers', () => {
  it('formats LII-YYYY-NNNNNN', () => {
    expect(formatOrderNumber(2026, 123)).toBe('LII-2026-000123');
    expect(formatOrderNumber(2026, 1)).toBe('LII-2026-000001');
  });

  it('grows past six digits instead of wrapping', () => {
    expect(formatOrderNumber(2027, 1_234_567)).toBe('LII-2027-1234567');
  });

  it('round-trips through parse', () => {
    expect(parseOrderNumber(formatOrderNumber(2026, 42))).toEqual({ year: 2026, sequence: 42 });
  });

  it('rejects what is not an order number', () => {
    expect(parseOrderNumber('LII-2026-123')).toBeNull();
    expect(parseOrderNumber('XYZ-2026-000123')).toBeNull();
    expect(parseOrderNumber('LII-2026-000000')).toBeNull();
    expect(() => formatOrderNumber(26, 1)).toThrow(RangeError);
    expect(() => formatOrderNumber(2026, 0)).toThrow(RangeError);
  });
});
