import { describe, expect, it } from 'vitest';
import { graphene, grapheneEnergy, HIGH_SYMMETRY } from './modules/graphene.ts';
import { expectRejected } from './test-helpers.ts';

describe('graphene against exact results', () => {
  it('has the Dirac point E(K) = 0, E(Γ) = ±3t, E(M) = ±t and bandwidth 6t (to 1e-12)', async () => {
    const t = 2.7;
    const { summary, series } = await graphene.simulate({ hopping: t, kGrid: 60 });
    expect(Math.abs(summary.energyAtK)).toBeLessThan(1e-12);
    expect(Math.abs(summary.energyAtGamma - 3 * t)).toBeLessThan(1e-12);
    expect(Math.abs(summary.energyAtM - t)).toBeLessThan(1e-12);
    expect(Math.abs(summary.bandwidth - 6 * t)).toBeLessThan(1e-12);
    // The path series passes through the same points: Γ first, K a third of the way.
    expect(Math.abs(series.upperBand![0]! - 3 * t)).toBeLessThan(1e-12);
    expect(Math.abs(series.upperBand![200]!)).toBeLessThan(1e-12);
    expect(Math.abs(series.lowerBand![400]! + t)).toBeLessThan(1e-12);
  });

  it('is linear near K with Fermi velocity v = 3t/2 (within 1e-4 relative)', () => {
    const [kx, ky] = HIGH_SYMMETRY.K;
    const q = 1e-4;
    expect(Math.abs(grapheneEnergy(kx + q, ky, 1, 0) / q - 1.5)).toBeLessThan(1e-4);
    expect(Math.abs(grapheneEnergy(kx, ky + q, 1, 0) / q - 1.5)).toBeLessThan(1e-4);
  });

  it('has a DOS that integrates to 2 states per cell (to 1e-9) with van Hove peaks at ±t (within one bin)', async () => {
    const t = 1;
    const { summary, series } = await graphene.simulate({ hopping: t, kGrid: 600, dosBins: 301 });
    const e = series.dosEnergy!;
    const binWidth = e[1]! - e[0]!;
    const integral = series.dosDensity!.reduce((s, v) => s + v * binWidth, 0);
    expect(Math.abs(integral - 2)).toBeLessThan(1e-9);
    expect(Math.abs(summary.vanHoveUpper - t)).toBeLessThanOrEqual(binWidth);
    expect(Math.abs(summary.vanHoveLower + t)).toBeLessThanOrEqual(binWidth);
    // Near the Dirac point the DOS vanishes linearly: far below its value at the peak.
    const centre = series.dosDensity![150]!;
    const peak = Math.max(...series.dosDensity!);
    expect(centre).toBeLessThan(0.05 * peak);
  });

  it('opens a gap 2Δ at K with a sublattice potential Δ (to 1e-12)', async () => {
    const { summary } = await graphene.simulate({
      hopping: 2.9,
      staggeredPotential: 2.3,
      kGrid: 60,
    });
    expect(Math.abs(summary.bandGap - 4.6)).toBeLessThan(1e-12);
    expect(Math.abs(summary.energyAtGamma - Math.hypot(2.3, 3 * 2.9))).toBeLessThan(1e-12);
  });

  it('rejects bad params naming the field', async () => {
    await expectRejected(graphene, [
      [{ hopping: 0 }, 'hopping'],
      [{ dosBins: 5 }, 'dosBins'],
      [{ pointsPerSegment: 1.5 }, 'pointsPerSegment'],
    ]);
  });
});
