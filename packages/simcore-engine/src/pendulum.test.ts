import { describe, expect, it } from 'vitest';
import { pendulum, pendulumNormalModes } from './modules/pendulum.ts';
import { expectRejected } from './test-helpers.ts';

describe('double pendulum against exact results', () => {
  it('has normal modes ω² = (g/l)(2 ∓ √2) for equal masses and lengths (to 1e-12)', () => {
    const [slow, fast] = pendulumNormalModes({
      mass1: 1,
      mass2: 1,
      length1: 1,
      length2: 1,
      gravity: 9.81,
    });
    expect(Math.abs(slow - Math.sqrt(9.81 * (2 - Math.SQRT2)))).toBeLessThan(1e-12);
    expect(Math.abs(fast - Math.sqrt(9.81 * (2 + Math.SQRT2)))).toBeLessThan(1e-12);
  });

  it('oscillates at the slow and fast normal-mode frequencies at small amplitude (within 1e-4 relative)', async () => {
    for (const [sign, index] of [
      [1, 0],
      [-1, 1],
    ] as const) {
      const { summary } = await pendulum.simulate({
        theta1: 0.001,
        theta2: sign * 0.001 * Math.SQRT2,
        dt: 0.002,
        steps: 10000,
      });
      const expected = index === 0 ? summary.normalModeSlow : summary.normalModeFast;
      expect(Math.abs(summary.theta1Frequency / expected - 1)).toBeLessThan(1e-4);
    }
  });

  it('conserves energy in the chaotic regime: drift < 1e-6 of (m₁+m₂)g(l₁+l₂) over 20 s', async () => {
    const { summary } = await pendulum.simulate({
      theta1: 2,
      theta2: 2.5,
      dt: 0.001,
      steps: 20000,
    });
    expect(summary.energyDrift).toBeLessThan(1e-6);
    expect(summary.flips).toBeGreaterThan(0);
  });

  it('rejects bad params naming the field', async () => {
    await expectRejected(pendulum, [
      [{ mass1: 0 }, 'mass1'],
      [{ theta1: 4 }, 'theta1'],
      [{ dt: 0.05, length1: 0.01 }, 'dt'],
    ]);
  });
});
