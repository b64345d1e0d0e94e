import { describe, expect, it } from 'vitest';
import {
  rectangularBarrierTransmission,
  SplitOperator,
  tunneling,
  tunnelingSchema,
} from './modules/tunneling.ts';
import { parseParams } from './runtime.ts';
import { Xoshiro128 } from './rng.ts';
import { expectRejected } from './test-helpers.ts';

/** Exact transmission of a Gaussian packet: T(k) averaged over |ψ̂(k)|², std 1/(2σ). */
function packetTransmission(k0: number, sigma: number, v0: number, a: number): number {
  const sk = 1 / (2 * sigma);
  let sum = 0;
  let weight = 0;
  for (let i = -3000; i <= 3000; i++) {
    const k = k0 + (i / 500) * sk;
    const g = Math.exp(-((k - k0) ** 2) / (2 * sk * sk));
    sum += g * rectangularBarrierTransmission(k, v0, a);
    weight += g;
  }
  return sum / weight;
}

describe('tunneling against exact results', () => {
  it('transmits the plane-wave T(k₀) of a rectangular barrier for a packet narrow in k (E < V₀): within 2e-3 of T(k₀), 1e-3 of the packet-averaged T', async () => {
    // σ = 15 (σ_k = 1/30), k₀ = 1.2 (E = 0.72), V₀ = 1, a = 1: T(k₀) = 0.5452.
    const { summary } = await tunneling.simulate({});
    expect(Math.abs(summary.transmission - rectangularBarrierTransmission(1.2, 1, 1))).toBeLessThan(
      2e-3,
    );
    expect(Math.abs(summary.transmission - packetTransmission(1.2, 15, 1, 1))).toBeLessThan(1e-3);
    expect(Math.abs(summary.transmission + summary.reflection - 1)).toBeLessThan(1e-3);
    expect(summary.edgeProbability).toBeLessThan(1e-3);
  });

  it('transmits T(k₀) above the barrier (E = 2 > V₀ = 1) within 5e-3', async () => {
    const { summary } = await tunneling.simulate({
      gridPoints: 2048,
      packetMomentum: 2,
      steps: 1200,
    });
    expect(Math.abs(summary.transmission - rectangularBarrierTransmission(2, 1, 1))).toBeLessThan(
      5e-3,
    );
  });

  it('conserves the norm: one split-operator step on a random state changes ‖ψ‖² by < 1e-12, a full run by < 1e-10', async () => {
    const solver = new SplitOperator(
      parseParams(tunnelingSchema, { gridPoints: 1024, barrierHeight: 5 }),
    );
    const rng = new Xoshiro128(5);
    for (let i = 0; i < solver.psi.length; i++) solver.psi[i] = rng.nextFloat() - 0.5;
    const norm = (): number => solver.psi.reduce((s, v) => s + v * v, 0);
    const before = norm();
    solver.step();
    expect(Math.abs(norm() / before - 1)).toBeLessThan(1e-12);
    const { summary } = await tunneling.simulate({ gridPoints: 1024, steps: 400, dt: 0.1 });
    expect(summary.normDrift).toBeLessThan(1e-10);
  });

  it('starts with |ψ|² of standard deviation packetWidth centred on packetCenter (within 1e-9)', () => {
    const solver = new SplitOperator(parseParams(tunnelingSchema, { length: 400 }));
    const d = solver.density();
    const x = solver.x;
    const mass = d.reduce((s, v) => s + v * solver.dx, 0);
    const mean = d.reduce((s, v, i) => s + v * x[i]! * solver.dx, 0);
    const variance = d.reduce((s, v, i) => s + v * (x[i]! - mean) ** 2 * solver.dx, 0);
    expect(Math.abs(mass - 1)).toBeLessThan(1e-9);
    expect(Math.abs(mean + 60)).toBeLessThan(1e-9);
    expect(Math.abs(Math.sqrt(variance) - 15)).toBeLessThan(1e-9);
  });

  it('rejects bad params naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ gridPoints: 1000 }, 'gridPoints'],
      [{ gridPoints: 256, packetMomentum: 8 }, 'gridPoints'],
      [{ packetCenter: -5 }, 'packetCenter'],
      [{ packetCenter: -200 }, 'packetCenter'],
      [{ dt: 0 }, 'dt'],
      [{ steps: 200000, gridPoints: 16384 }, 'steps'],
    ];
    await expectRejected(tunneling, cases);
  });
});
