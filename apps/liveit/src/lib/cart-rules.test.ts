import { describe, expect, it } from 'vitest';
import { validateAddress } from './address-form.ts';
import { withQuantity } from './guest-cart.ts';
import { stockLabel } from './stock.ts';
import { variantLabel } from './variant-label.ts';

describe('stockLabel', () => {
  it.each([
    [0, 'Sold out'],
    [-1, 'Sold out'],
    [1, 'Only 1 left'],
    [5, 'Only 5 left'],
    [6, 'In stock'],
  ])('%i available → %s', (available, label) => expect(stockLabel(available)).toBe(label));
});

describe('variantLabel', () => {
  it('joins size and colour, or says one size', () => {
    expect(variantLabel({ size: 'M', colour: 'Black' })).toBe('M / Black');
    expect(variantLabel({ size: null, colour: 'Navy' })).toBe('Navy');
    expect(variantLabel({ size: null, colour: null })).toBe('One size');
  });
});

describe('withQuantity', () => {
  const lines = [{ variant_id: 'a', quantity: 1 }];
  it('adds, changes, caps at 99 and removes at 0', () => {
    expect(withQuantity(lines, 'b', 2)).toEqual([...lines, { variant_id: 'b', quantity: 2 }]);
    expect(withQuantity(lines, 'a', 3)).toEqual([{ variant_id: 'a', quantity: 3 }]);
    expect(withQuantity(lines, 'a', 500)).toEqual([{ variant_id: 'a', quantity: 99 }]);
    expect(withQuantity(lines, 'a', 0)).toEqual([]);
  });
});

describe('validateAddress', () => {
  const good = {
    name: 'Ada',
    line1: '1 Lane',
    line2: '',
    city: 'Town',
    postal_code: 'NN12 8TN',
    country: 'gb',
  };
  it('accepts a full address, upper-casing the country and dropping an empty line2', () => {
    const result = validateAddress(good);
    expect(result).toEqual({
      ok: true,
      address: {
        name: 'Ada',
        line1: '1 Lane',
        city: 'Town',
        postal_code: 'NN12 8TN',
        country: 'GB',
      },
    });
  });
  it('names each bad field with the schema message', () => {
    const result = validateAddress({ ...good, name: ' ', postal_code: '!!', country: 'Britain' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['country', 'name', 'postal_code']);
    expect(result.errors.country).toBe('country must be a two-letter ISO code such as US');
  });
});
