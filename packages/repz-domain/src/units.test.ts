import { describe, expect, it } from 'vitest';
import { formatWeight, fromKg, KG_PER_LB, toKg } from './units.ts';

describe('weight units', () => {
  it('one pound is 0.45359237 kg exactly', () => {
    expect(toKg(1, 'lb')).toBe(KG_PER_LB);
    expect(fromKg(100, 'lb')).toBeCloseTo(220.462, 3);
  });
  it('round-trips through pounds', () => {
    expect(toKg(fromKg(123.4, 'lb'), 'lb')).toBeCloseTo(123.4, 9);
  });
  it('formats kilograms to the half and pounds to the unit', () => {
    expect(formatWeight(101.3, 'kg')).toBe('101.5 kg');
    expect(formatWeight(100, 'lb')).toBe('220 lb');
  });
});
