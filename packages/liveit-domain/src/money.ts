// Money is integer cents everywhere (database, API, app); floats never hold a price. The same
// rules are enforced in SQL (public.liveit_order_totals) so the server's totals are the truth.

/** Flat shipping charged when the subtotal is under the free-shipping threshold. */
export const SHIPPING_FLAT_CENTS = 1500;
/** Subtotals of at least this many cents ship free. */
export const FREE_SHIPPING_THRESHOLD_CENTS = 10_000;
/** Sales tax in basis points of the subtotal (800 = 8 %). */
export const TAX_RATE_BASIS_POINTS = 800;
/** The store's one currency (ISO 4217, lower case as Stripe spells it). */
export const CURRENCY = 'usd';

export interface PricedLine {
  unit_price_cents: number;
  quantity: number;
}

export interface OrderTotals {
  subtotal_cents: number;
  shipping_cents: number;
  tax_cents: number;
  total_cents: number;
}

function assertCents(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer number of cents, got ${value}`);
  }
}

/** Shipping for a subtotal: 1500 under 10000 cents, free from 10000 on. */
export function shippingFor(subtotalCents: number): number {
  assertCents(subtotalCents, 'subtotal');
  return subtotalCents < FREE_SHIPPING_THRESHOLD_CENTS ? SHIPPING_FLAT_CENTS : 0;
}

/** 8 % of the subtotal, rounded half-up to the cent (integer arithmetic, no float error). */
export function taxFor(subtotalCents: number): number {
  assertCents(subtotalCents, 'subtotal');
  return Math.floor((subtotalCents * TAX_RATE_BASIS_POINTS + 5_000) / 10_000);
}

/** Subtotal, shipping, tax and total of an order's lines (prices as the server holds them). */
export function computeTotals(lines: readonly PricedLine[]): OrderTotals {
  let subtotal = 0;
  for (const [index, line] of lines.entries()) {
    assertCents(line.unit_price_cents, `lines[${index}].unit_price_cents`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new RangeError(`lines[${index}].quantity must be a positive integer`);
    }
    subtotal += line.unit_price_cents * line.quantity;
  }
  const shipping = lines.length === 0 ? 0 : shippingFor(subtotal);
  const tax = taxFor(subtotal);
  return {
    subtotal_cents: subtotal,
    shipping_cents: shipping,
    tax_cents: tax,
    total_cents: subtotal + shipping + tax,
  };
}

/** Cents as a price for people: formatCents(11220) → "$112.20". */
export function formatCents(cents: number, locale = 'en-US', currency = CURRENCY): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
  }).format(cents / 100);
}
