import { describe, expect, it } from 'vitest';
import { summaryMismatches } from './compare.ts';

describe('summaryMismatches', () => {
  it('is relative above 1, absolute below, exact at tolerance 0, and reports missing keys', () => {
    expect(summaryMismatches({ a: 1000.0000001, b: 3e-15 }, { a: 1000, b: 2e-15 }, 1e-9)).toEqual(
      [],
    );
    expect(summaryMismatches({ a: 1000.01 }, { a: 1000 }, 1e-9)).toEqual(['a']);
    expect(summaryMismatches({ b: 3e-15 }, { b: 2e-15 }, 0)).toEqual(['b']);
    expect(summaryMismatches({ a: 1 }, { a: 1, c: 2 }, 1e-9)).toEqual(['c']);
  });
});
