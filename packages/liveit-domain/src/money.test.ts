import { describe, expect, it } from 'vitest';
import {
  MAX_PRICE_CENTS,
  computeTotals,
  formatCents,
  parsePrice,
  priceInputValue,
  shippingFor,
  taxFor,
} from './money.ts';
import { variantPatchSchema } from './schemas.ts';

describe('order totals', () => {
  it('2 × 45.00 → 90.00 + 15.00 shipping + 7.20 tax = 112.20 (the issue example)', () => {
    expect(computeTotals([{ unit_price_cents: 4500, quantity: 2 }])).toEqual({
      subtotal_cents: 9000,
      shipping_cents: 1500,
      tax_cents: 720,
      total_cents: 11220,
    });
  });

  it('100.00 → free shipping, 8.00 tax, 108.00 (the issue example)', () => {
    expect(computeTotals([{ unit_price_cents: 10_000, quantity: 1 }])).toEqual({
      subtotal_cents: 10_000,
      shipping_cents: 0,
      tax_cents: 800,
      total_cents: 10_800,
    });
  });

  it('charges shipping at 99.99 and not at 100.00', () => {
    expect(shippingFor(9999)).toBe(1500);
    expect(shippingFor(10_000)).toBe(0);
    expect(computeTotals([{ unit_price_cents: 9999, quantity: 1 }]).total_cents).toBe(
      9999 + 1500 + 800, // 799.92 → 800
    );
  });

  it('sums several lines before shipping and tax', () => {
    const totals = computeTotals([
      { unit_price_cents: 3500, quantity: 1 },
      { unit_price_cents: 2250, quantity: 3 },
    ]);
    expect(totals.subtotal_cents).toBe(10_250);
    expect(totals.shipping_cents).toBe(0);
    expect(totals.tax_cents).toBe(820);
  });

  it('rounds tax half-up to the cent', () => {
    expect(taxFor(6)).toBe(0); // 0.48 → 0
    expect(taxFor(7)).toBe(1); // 0.56 → 1
    expect(taxFor(1_231)).toBe(98); // 98.48 → 98
    expect(taxFor(1_250)).toBe(100); // exactly 100
    expect(taxFor(1_256)).toBe(100); // 100.48 → 100
    expect(taxFor(1_257)).toBe(101); // 100.56 → 101
    expect(taxFor(3_125)).toBe(250); // 250.00
    expect(taxFor(3_119)).toBe(250); // 249.52 → 250
    expect(taxFor(3_181)).toBe(254); // 254.48 → 254
    expect(taxFor(10_625)).toBe(850); // 850.00
  });

  it('matches the exact 8 % rounded half-up over a range of subtotals', () => {
    // 8 % of a whole number of cents is never exactly half a cent (0.08n = k + 0.5 has no integer
    // n), so the check is against the exact rational value, computed without floats.
    for (let n = 0; n < 2_000; n += 1) {
      const hundredths = n * 8; // the tax in hundredths of a cent
      const rounded = Math.floor(hundredths / 100) + (hundredths % 100 >= 50 ? 1 : 0);
      expect(taxFor(n)).toBe(rounded);
    }
  });

  it('is free of floating-point error on large orders', () => {
    const totals = computeTotals([{ unit_price_cents: 1_999_999, quantity: 99 }]);
    expect(totals.subtotal_cents).toBe(197_999_901);
    expect(totals.tax_cents).toBe(15_839_992);
  });

  it('rejects fractional or negative cents and non-positive quantities', () => {
    expect(() => computeTotals([{ unit_price_cents: 45.5, quantity: 1 }])).toThrow(RangeError);
    expect(() => computeTotals([{ unit_price_cents: -1, quantity: 1 }])).toThrow(RangeError);
    expect(() => computeTotals([{ unit_price_cents: 100, quantity: 0 }])).toThrow(/quantity/);
  });

  it('an empty order costs nothing', () => {
    expect(computeTotals([]).total_cents).toBe(0);
  });
});

describe('formatCents', () => {
  it('formats cents as dollars', () => {
    expect(formatCents(11_220)).toBe('$112.20');
    expect(formatCents(5)).toBe('$0.05');
  });
});

describe('parsePrice (what an admin types, as cents)', () => {
  const cents = (text: string) => {
    const parsed = parsePrice(text);
    return parsed.ok ? parsed.cents : parsed.message;
  };

  it('reads whole amounts, one or two decimals, a leading $ and thousands commas', () => {
    expect(cents('45')).toBe(4500);
    expect(cents('45.5')).toBe(4550);
    expect(cents('45.50')).toBe(4550);
    expect(cents('45.')).toBe(4500);
    expect(cents('.99')).toBe(99);
    expect(cents('0.01')).toBe(1);
    expect(cents(' $1,234.56 ')).toBe(123_456);
    expect(cents('$ 12')).toBe(1200);
    expect(cents('007.10')).toBe(710);
  });

  it('is exact where floats are not (0.29, 1.15, 4.35, 1,000,000 cents)', () => {
    // 0.29 * 100 = 28.999999999999996 and 4.35 * 100 = 434.99999999999994 in floats.
    expect(cents('0.29')).toBe(29);
    expect(cents('1.15')).toBe(115);
    expect(cents('4.35')).toBe(435);
    expect(cents('10000.00')).toBe(1_000_000);
  });

  it('refuses what is not a price, saying why', () => {
    expect(cents('')).toBe('Enter a price');
    expect(cents('   ')).toBe('Enter a price');
    for (const text of ['abc', '12a', '1e3', '1,23', '12,3456', '.', '$', '4 5', '45..0', 'NaN']) {
      expect(cents(text), text).toBe('Enter a price as a number, such as 45.00');
    }
    expect(cents('45.505')).toBe('A price has at most two decimals (whole cents)');
    expect(cents('0.001')).toBe('A price has at most two decimals (whole cents)');
  });

  it('refuses zero, negative and too high prices (bounds of the API schema)', () => {
    expect(cents('0')).toBe('The price must be more than 0');
    expect(cents('0.00')).toBe('The price must be more than 0');
    expect(cents('-5')).toBe('The price must be more than 0');
    expect(cents('$-5.00')).toBe('The price must be more than 0');
    expect(cents('100000')).toBe(MAX_PRICE_CENTS);
    expect(cents('100,000.00')).toBe(MAX_PRICE_CENTS);
    expect(cents('100000.01')).toBe('The price is at most $100,000.00');
    expect(cents('1000000')).toBe('The price is at most $100,000.00');
    expect(cents('0000000000000000000012')).toBe(1200);
    expect(cents('9'.repeat(400))).toBe('The price is at most $100,000.00');
    expect(parsePrice('20.01', 2000)).toEqual({
      ok: false,
      message: 'The price is at most $20.00',
    });
  });

  it('agrees with the variant schema: every accepted price is valid price_cents', () => {
    for (const text of ['0.01', '45.50', '100000']) {
      const parsed = parsePrice(text);
      expect(parsed.ok && variantPatchSchema.safeParse({ price_cents: parsed.cents }).success).toBe(
        true,
      );
    }
  });

  it('round-trips with priceInputValue', () => {
    for (const value of [1, 99, 100, 4550, 123_456, MAX_PRICE_CENTS]) {
      expect(cents(priceInputValue(value))).toBe(value);
    }
    expect(priceInputValue(4550)).toBe('45.50');
    expect(priceInputValue(7)).toBe('0.07');
    expect(() => priceInputValue(1.5)).toThrow(RangeError);
  });
});
