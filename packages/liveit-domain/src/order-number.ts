// Human order numbers: LII-<year>-<sequence>, the sequence zero-padded to six digits and
// unique across all years (a database sequence issues it; see liveit_orders.order_number).

export const ORDER_NUMBER_PREFIX = 'LII';
const ORDER_NUMBER_PATTERN = /^LII-(\d{4})-(\d{6,})$/;

/** formatOrderNumber(2026, 123) → "LII-2026-000123". */
export function formatOrderNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`year must have four digits, got ${year}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  }
  return `${ORDER_NUMBER_PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The year and sequence of an order number, or null when it is not one. */
export function parseOrderNumber(value: string): { year: number; sequence: number } | null {
  const match = ORDER_NUMBER_PATTERN.exec(value);
  if (!match) return null;
  const sequence = Number(match[2]);
  if (sequence < 1) return null;
  return { year: Number(match[1]), sequence };
}
