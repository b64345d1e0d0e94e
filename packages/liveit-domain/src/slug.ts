// A product's slug is its URL (/products/<slug>) and its pictures' folder in the bucket, so it
// follows slugSchema: lower-case ASCII words joined by single hyphens, at most SLUG_MAX_LENGTH.

/** Longest slug slugSchema and the table accept. */
export const SLUG_MAX_LENGTH = 80;

// Letters NFKD leaves whole, spelled the way they are usually transliterated.
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o' };

/**
 * The slug a name suggests: "Café Racer Tee — Black" → "cafe-racer-tee-black". Accents are
 * dropped (ß → ss), anything else not a letter or digit separates words, and a name too long is cut at a
 * word boundary. Empty when the name has no letters or digits.
 */
export function slugFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœø]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX_LENGTH) return slug || word.slice(0, SLUG_MAX_LENGTH);
    slug = next;
  }
  return slug;
}
