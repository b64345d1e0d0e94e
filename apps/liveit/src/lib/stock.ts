/** Few enough left to tell the shopper. */
export const LOW_STOCK = 5;

/** "Sold out", "Only 3 left" or "In stock" for a variant's available count. */
export function stockLabel(available: number): string {
  if (available <= 0) return 'Sold out';
  if (available <= LOW_STOCK) return `Only ${available} left`;
  return 'In stock';
}
