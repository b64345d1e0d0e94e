// Unit conversion for display; storage is always kilograms.

export type WeightUnit = 'kg' | 'lb';

/** Exact by definition of the international avoirdupois pound. */
export const KG_PER_LB = 0.45359237;

/** Converts kilograms to the user's unit. */
export function fromKg(kg: number, unit: WeightUnit): number {
  return unit === 'kg' ? kg : kg / KG_PER_LB;
}

/** Converts a value in the user's unit to kilograms. */
export function toKg(value: number, unit: WeightUnit): number {
  return unit === 'kg' ? value : value * KG_PER_LB;
}

/** Rounds for display: kilograms to 0.5, pounds to 1 — what plates allow. */
export function formatWeight(kg: number, unit: WeightUnit): string {
  const value = fromKg(kg, unit);
  const rounded = unit === 'kg' ? Math.round(value * 2) / 2 : Math.round(value);
  return `${rounded} ${unit}`;
}
