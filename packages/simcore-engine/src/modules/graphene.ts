import { z } from 'zod';
import { integerParam, realParam } from '../params.ts';
import { parseParams, runChunked } from '../runtime.ts';
import type { RunOptions, SimulationModule, SimulationResult } from '../types.ts';
import { grapheneInfo } from './graphene.info.ts';

export const grapheneSchema = z.strictObject({
  hopping: realParam('hopping', 0.1, 10, 2.7),
  staggeredPotential: realParam('staggeredPotential', 0, 5, 0),
  pointsPerSegment: integerParam('pointsPerSegment', 10, 2000, 200),
  dosBins: integerParam('dosBins', 20, 2000, 300),
  kGrid: integerParam('kGrid', 30, 3000, 600),
});

export type GrapheneParams = z.output<typeof grapheneSchema>;

export interface GrapheneSummary extends Record<string, number> {
  energyAtK: number;
  energyAtGamma: number;
  energyAtM: number;
  bandwidth: number;
  bandGap: number;
  /** Energies of the two DOS maxima (van Hove singularities), lower and upper. */
  vanHoveLower: number;
  vanHoveUpper: number;
}

/** Band structure computed so far (the path first, then the DOS histogram filling in). */
export interface GrapheneFrame {
  distance: Float64Array;
  upper: Float64Array;
  dosEnergy: Float64Array;
  dosDensity: Float64Array;
  fraction: number;
}

const SQRT3 = Math.sqrt(3);

/**
 * |f(k)| for the honeycomb lattice, carbon–carbon distance 1:
 * |f|² = 3 + 2cos(√3 k_y) + 4cos(√3 k_y/2)cos(3k_x/2).
 */
export function structureFactor(kx: number, ky: number): number {
  const f2 = 3 + 2 * Math.cos(SQRT3 * ky) + 4 * Math.cos((SQRT3 * ky) / 2) * Math.cos((3 * kx) / 2);
  return Math.sqrt(Math.max(0, f2));
}

/** Upper-band energy √(Δ² + t²|f(k)|²); the lower band is its negative. */
export function grapheneEnergy(kx: number, ky: number, t: number, delta: number): number {
  const f = structureFactor(kx, ky);
  return Math.sqrt(delta * delta + t * t * f * f);
}

/** High-symmetry points of the hexagonal Brillouin zone (a = 1). */
export const HIGH_SYMMETRY = {
  Gamma: [0, 0],
  K: [(2 * Math.PI) / 3, (2 * Math.PI) / (3 * SQRT3)],
  M: [(2 * Math.PI) / 3, 0],
} as const;

async function simulateGraphene(
  input: Partial<GrapheneParams> = {},
  options: RunOptions<GrapheneFrame> = {},
): Promise<SimulationResult<GrapheneSummary>> {
  const p = parseParams(grapheneSchema, input);
  const t = p.hopping;
  const delta = p.staggeredPotential;
  const corners = [HIGH_SYMMETRY.Gamma, HIGH_SYMMETRY.K, HIGH_SYMMETRY.M, HIGH_SYMMETRY.Gamma];
  const pathLength = 3 * p.pointsPerSegment + 1;
  const distance = new Float64Array(pathLength);
  const upper = new Float64Array(pathLength);
  let travelled = 0;
  let index = 0;
  for (let s = 0; s < 3; s++) {
    const [ax, ay] = corners[s]!;
    const [bx, by] = corners[s + 1]!;
    const segment = Math.hypot(bx - ax, by - ay);
    const last = s === 2 ? p.pointsPerSegment : p.pointsPerSegment - 1;
    for (let i = 0; i <= last; i++) {
      const f = i / p.pointsPerSegment;
      distance[index] = travelled + f * segment;
      upper[index] = grapheneEnergy(ax + f * (bx - ax), ay + f * (by - ay), t, delta);
      index++;
    }
    travelled += segment;
  }

  // DOS: histogram of both bands over a uniform n×n grid of the reciprocal cell k = (i b₁ + j b₂)/n,
  // b₁,₂ = (2π/3)(1, ±√3); normalised to states per unit energy per unit cell (∫ρ dE = 2).
  const emax = Math.sqrt(delta * delta + 9 * t * t);
  const binWidth = (2 * emax) / p.dosBins;
  const counts = new Float64Array(p.dosBins);
  const n = p.kGrid;
  const b = (2 * Math.PI) / 3;
  const dosEnergy = Float64Array.from(
    { length: p.dosBins },
    (_, i) => -emax + (i + 0.5) * binWidth,
  );
  const dosDensity = new Float64Array(p.dosBins);
  const normalise = (): void => {
    const weight = 1 / (n * n * binWidth);
    for (let i = 0; i < p.dosBins; i++) dosDensity[i] = counts[i]! * weight;
  };
  let row = 0;
  await runChunked(
    {
      total: n,
      advance(units) {
        for (let u = 0; u < units; u++, row++) {
          const fi = row / n;
          for (let j = 0; j < n; j++) {
            const fj = j / n;
            const e = grapheneEnergy(b * (fi + fj), b * SQRT3 * (fi - fj), t, delta);
            const hi = Math.min(p.dosBins - 1, Math.floor((e + emax) / binWidth));
            const lo = Math.min(p.dosBins - 1, Math.floor((emax - e) / binWidth));
            counts[hi]! += 1;
            counts[lo]! += 1;
          }
        }
      },
      frame: () => {
        normalise();
        return {
          distance: distance.slice(),
          upper: upper.slice(),
          dosEnergy: dosEnergy.slice(),
          dosDensity: dosDensity.slice(),
          fraction: row / n,
        };
      },
    },
    options,
  );
  normalise();
  let peakUpper = 0;
  for (let i = 0; i < p.dosBins; i++) {
    if (dosEnergy[i]! > 0 && (peakUpper === 0 || dosDensity[i]! > dosDensity[peakUpper]!))
      peakUpper = i;
  }
  const [gx, gy] = HIGH_SYMMETRY.Gamma;
  const [kx, ky] = HIGH_SYMMETRY.K;
  const [mx, my] = HIGH_SYMMETRY.M;
  const energyAtK = grapheneEnergy(kx, ky, t, delta);
  return {
    summary: {
      energyAtK,
      energyAtGamma: grapheneEnergy(gx, gy, t, delta),
      energyAtM: grapheneEnergy(mx, my, t, delta),
      bandwidth: 2 * emax,
      bandGap: 2 * energyAtK,
      vanHoveLower: -dosEnergy[peakUpper]!,
      vanHoveUpper: dosEnergy[peakUpper]!,
    },
    series: {
      distance: Array.from(distance),
      upperBand: Array.from(upper),
      // 0 − e, not −e: −0 at the Dirac point would not survive a JSON round trip.
      lowerBand: Array.from(upper, (e) => 0 - e),
      dosEnergy: Array.from(dosEnergy),
      dosDensity: Array.from(dosDensity),
    },
  };
}

/** Nearest-neighbour tight binding of graphene (and gapped hBN-like sublattice potential). */
export const graphene: SimulationModule<
  'graphene',
  GrapheneParams,
  GrapheneSummary,
  GrapheneFrame
> = {
  ...grapheneInfo,
  paramsSchema: grapheneSchema,
  defaults: parseParams(grapheneSchema, {}),
  simulate: simulateGraphene,
};
