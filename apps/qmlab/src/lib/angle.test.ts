import { describe, expect, it } from 'vitest';
import { parseAngle } from './angle.ts';

describe('parseAngle', () => {
  it('reads numbers and expressions with pi (or π)', () => {
    expect(parseAngle('0.5')).toBe(0.5);
    expect(parseAngle('pi/4')).toBeCloseTo(Math.PI / 4, 15);
    expect(parseAngle(' -3*π/2 ')).toBeCloseTo((-3 * Math.PI) / 2, 15);
  });

  it('refuses anything that is not one angle', () => {
    for (const text of ['', 'abc', 'pi/', '1) q[0]; h q[0]; rz(1', '1;']) {
      expect(parseAngle(text)).toBeNull();
    }
  });
});
