/** "M / Black", "Black", "One size". */
export function variantLabel(variant: { size: string | null; colour: string | null }): string {
  return [variant.size, variant.colour].filter(Boolean).join(' / ') || 'One size';
}
