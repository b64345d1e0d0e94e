import { describe, expect, it } from 'vitest';
import { basisLabel, countNonzero, topProbabilities } from './results.ts';

describe('topProbabilities', () => {
  it('keeps the most likely states, most likely first, ties by index, and drops zeros', () => {
    const p = [0.1, 0, 0.4, 0.1, 0.4, 0, 0, 1e-15];
    expect(topProbabilities(p, 3, 3)).toEqual([
      { state: '010', probability: 0.4 },
      { state: '100', probability: 0.4 },
      { state: '000', probability: 0.1 },
    ]);
    expect(topProbabilities(p, 3, 10)).toHaveLength(4);
    expect(countNonzero(p)).toBe(4);
  });

  it('labels basis states with qubit 0 rightmost', () => {
    expect(basisLabel(1, 3)).toBe('001');
    expect(basisLabel(6, 3)).toBe('110');
  });
});
