import { describe, expect, it } from 'vitest';
import { brownian, brownianMsd } from './modules/brownian.ts';
import { expectRejected } from './test-helpers.ts';

describe('brownian against exact results', () => {
  it('has MSD = 4Dt in 2D: fitted D within 3 % with 10 000 particles (statistical error ≈ 0.7 %)', async () => {
    const { summary, series } = await brownian.simulate({
      particles: 10000,
      steps: 100,
      dt: 0.01,
      diffusion: 0.5,
      seed: 42,
    });
    expect(Math.abs(summary.diffusionEstimate / 0.5 - 1)).toBeLessThan(0.03);
    expect(Math.abs(summary.msdSlope / 2 - 1)).toBeLessThan(0.03);
    expect(Math.abs(summary.finalMsd / summary.expectedFinalMsd - 1)).toBeLessThan(0.05);
    expect(series.t!.length).toBe(series.msd!.length);
  });

  it('saturates at the Ornstein–Uhlenbeck MSD (2D/k)(1 − e^(−2kt)) in a trap, within 5 %, for a time step as large as 1/k', async () => {
    const { summary } = await brownian.simulate({
      particles: 5000,
      steps: 20,
      dt: 0.5,
      diffusion: 1,
      trapStiffness: 2,
      seed: 9,
    });
    expect(summary.expectedFinalMsd).toBeCloseTo(brownianMsd(10, 1, 2), 12);
    expect(Math.abs(summary.finalMsd / summary.expectedFinalMsd - 1)).toBeLessThan(0.05);
  });

  it('gives the same numbers for the same seed', async () => {
    const a = await brownian.simulate({ particles: 50, steps: 20, seed: 3 });
    const b = await brownian.simulate({ particles: 50, steps: 20, seed: 3 });
    const c = await brownian.simulate({ particles: 50, steps: 20, seed: 4 });
    expect(b).toEqual(a);
    expect(c.summary.finalMsd).not.toBe(a.summary.finalMsd);
  });

  it('rejects bad params naming the field', async () => {
    await expectRejected(brownian, [
      [{ particles: 0 }, 'particles'],
      [{ diffusion: -1 }, 'diffusion'],
      [{ seed: -1 }, 'seed'],
      [{ particles: 200000, steps: 100000 }, 'steps'],
    ]);
  });
});
