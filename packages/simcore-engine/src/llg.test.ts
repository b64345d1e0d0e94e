import { describe, expect, it } from 'vitest';
import { llg } from './modules/llg.ts';
import { expectRejected } from './test-helpers.ts';

describe('llg against exact results', () => {
  it('precesses at γB/(1+α²) (within 1e-6 relative) and keeps |m| = 1 (within 1e-8)', async () => {
    for (const alpha of [0, 0.1, 0.5]) {
      const gamma = 1.76;
      const { summary } = await llg.simulate({
        gamma,
        alpha,
        field: [0, 0, 2],
        dt: 0.005,
        steps: 2000,
        initial: [1, 0, 0.2],
      });
      const expected = (gamma * 2) / (1 + alpha * alpha);
      expect(Math.abs(summary.precessionFrequency / expected - 1)).toBeLessThan(1e-6);
      expect(summary.normDrift).toBeLessThan(1e-8);
    }
  });

  it('relaxes the polar angle as tan(θ/2) = tan(θ₀/2)·e^(−αωt) (m·B̂ within 1e-7) for a tilted field', async () => {
    const alpha = 0.2;
    const field: [number, number, number] = [1, 0, 1];
    const b = Math.SQRT2;
    const steps = 1500;
    const dt = 0.01;
    const { summary, series } = await llg.simulate({ alpha, field, initial: [0, 1, 0], dt, steps });
    const omega = b / (1 + alpha * alpha);
    const theta = 2 * Math.atan(Math.tan(Math.PI / 4) * Math.exp(-alpha * omega * steps * dt));
    expect(Math.abs(summary.finalAlignment - Math.cos(theta))).toBeLessThan(1e-7);
    expect(series.t!.at(-1)).toBeCloseTo(steps * dt, 12);
  });

  it('rejects bad params naming the field', async () => {
    await expectRejected(llg, [
      [{ field: [0, 0, 0] }, 'field'],
      [{ field: [0, 0] }, 'field'],
      [{ initial: [0, 0, 0] }, 'initial'],
      [{ alpha: -0.1 }, 'alpha'],
      [{ dt: 0.5, field: [0, 0, 10] }, 'dt'],
    ]);
  });
});
