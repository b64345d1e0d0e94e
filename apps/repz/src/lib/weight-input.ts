// Weights are typed and shown in the user's unit and stored in kilograms.
import { fromKg, toKg, type WeightUnit } from '@alawein/repz-domain';

/**
 * Kilograms for what the user typed in `unit` (comma or dot decimals), rounded to 0.01 kg as the
 * database stores it; NaN when the text is not a number, null when it is empty.
 */
export function kgFromInput(text: string, unit: WeightUnit): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return Number.NaN;
  return Math.round(toKg(value, unit) * 100) / 100;
}

/** The text to prefill an input with for a stored weight: one decimal in the user's unit. */
export function inputFromKg(kg: number | null | undefined, unit: WeightUnit): string {
  if (kg === null || kg === undefined) return '';
  const value = Math.round(fromKg(kg, unit) * 10) / 10;
  return String(value);
}

/** A weight for display in `unit`, with one decimal at most (for charts and metrics). */
export function displayWeight(kg: number, unit: WeightUnit): number {
  return Math.round(fromKg(kg, unit) * 10) / 10;
}
