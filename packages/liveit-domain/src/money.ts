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
/** Highest price a variant may have ($100,000.00); the API's schema and the admin form use it. */
export const MAX_PRICE_CENTS = 10_000_000;

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

/** Cents as the decimal a person types: priceInputValue(4550) → "45.50" (no symbol, no grouping). */
export function priceInputValue(cents: number): string {
  assertCents(cents, 'price');
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export type PriceParse = { ok: true; cents: number } | { ok: false; message: string };

// "45", "45.5", "45.50", ".99", "$1,234.56": an optional $, digits (optionally grouped by
// commas in threes) and at most two decimals. Anything else is refused rather than guessed at.
const PRICE_PATTERN = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/**
 * A price typed as a decimal ("45.50", "$1,234", ".99") as integer cents, computed from the digits
 * (never through a float), or a message for the person typing it: empty, not a number, more than
 * two decimals, not above zero, or above `max` (MAX_PRICE_CENTS by default).
 */
export function parsePrice(text: string, max = MAX_PRICE_CENTS): PriceParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a price' };
  if (/^\$?\s*-/.test(trimmed)) return { ok: false, message: 'The price must be more than 0' };
  const match = PRICE_PATTERN.exec(trimmed);
  const whole = match?.[1]?.replaceAll(',', '') ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) {
    return { ok: false, message: 'Enter a price as a number, such as 45.00' };
  }
  if (fraction.length > 2) {
    return { ok: false, message: 'A price has at most two decimals (whole cents)' };
  }
  const tooBig = { ok: false, message: `The price is at most ${formatCents(max)}` } as const;
  // More whole digits than the maximum has is too big, however many leading zeros it carries.
  const significant = whole.replace(/^0+/, '');
  if (significant.length > String(Math.floor(max / 100)).length) return tooBig;
  const cents = Number(significant || '0') * 100 + Number(fraction.padEnd(2, '0'));
  if (cents <= 0) return { ok: false, message: 'The price must be more than 0' };
  if (cents > max) return tooBig;
  return { ok: true, cents };
}
