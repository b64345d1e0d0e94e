import { describe, expect, it } from 'vitest';
import { slugFromName, SLUG_MAX_LENGTH } from './slug.ts';
import { slugSchema } from './schemas.ts';

describe('slugFromName', () => {
  it('joins lower-case words with hyphens and drops accents and punctuation', () => {
    expect(slugFromName('Café Racer Tee — Black')).toBe('cafe-racer-tee-black');
    expect(slugFromName('  GT3 RS: "Weissach" Hoodie!! ')).toBe('gt3-rs-weissach-hoodie');
    expect(slugFromName('Straße 24h Œuvre')).toBe('strasse-24h-oeuvre');
  });

  it('is empty when the name has no letters or digits', () => {
    expect(slugFromName('')).toBe('');
    expect(slugFromName(' — !! ')).toBe('');
  });

  it('cuts a long name at a word boundary within the limit', () => {
    const slug = slugFromName(`${'word '.repeat(30)}end`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(/^(word-)+word$/);
    expect(slugFromName('x'.repeat(100))).toBe('x'.repeat(SLUG_MAX_LENGTH));
  });

  it('always gives what the API schema accepts (when not empty)', () => {
    for (const name of ['Team Issue Cap', 'Ünïcödé 911 — Zip', 'a--b', '9 to 5', 'x'.repeat(200)]) {
      expect(slugSchema.safeParse(slugFromName(name)).success, name).toBe(true);
    }
  });
});
