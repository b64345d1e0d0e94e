import { z } from 'zod';
import { integerParam, realParam, seedParam, workBound } from '../params.ts';
import { Xoshiro128 } from '../rng.ts';
import { parseParams, runChunked } from '../runtime.ts';
import type { RunOptions, SimulationModule, SimulationResult } from '../types.ts';
import { brownianInfo } from './brownian.info.ts';

const MAX_WORK = 2e8;
const MAX_SERIES_POINTS = 1000;
/** Particles sent in a frame (the cloud view needs no more). */
const MAX_FRAME_PARTICLES = 4000;

export const brownianSchema = z
  .strictObject({
    particles: integerParam('particles', 1, 200000, 2000),
    steps: integerParam('steps', 1, 100000, 1000),
    dt: realParam('dt', 1e-4, 10, 0.01),
    diffusion: realParam('diffusion', 1e-3, 100, 1),
    trapStiffness: realParam('trapStiffness', 0, 100, 0),
    seed: seedParam(1),
  })
  .refine(
    ...workBound(
      (p: { particles: number; steps: number }) => p.particles * p.steps,
      MAX_WORK,
      'steps',
      'particles × steps',
    ),
  );

export type BrownianParams = z.output<typeof brownianSchema>;

export interface BrownianSummary extends Record<string, number> {
  diffusionEstimate: number;
  msdSlope: number;
  finalMsd: number;
  /** Exact MSD at the final time: 4Dt free, (2D/k)(1 − e^(−2kt)) in a trap. */
  expectedFinalMsd: number;
}

/** Particle positions (x, y interleaved) of the first particles, at `time`. */
export interface BrownianFrame {
  time: number;
  positions: Float64Array;
  msd: number;
}

/** Exact MSD of 2D overdamped Langevin motion from a point: 4Dt, or (2D/k)(1 − e^(−2kt)) in a trap. */
export function brownianMsd(t: number, diffusion: number, stiffness: number): number {
  return stiffness === 0
    ? 4 * diffusion * t
    : ((2 * diffusion) / stiffness) * -Math.expm1(-2 * stiffness * t);
}

async function simulateBrownian(
  input: Partial<BrownianParams> = {},
  options: RunOptions<BrownianFrame> = {},
): Promise<SimulationResult<BrownianSummary>> {
  const p = parseParams(brownianSchema, input);
  const rng = new Xoshiro128(p.seed);
  const n = p.particles;
  const positions = new Float64Array(2 * n);
  const pair = new Float64Array(2);
  // Exact update of the Ornstein–Uhlenbeck process dx = −k x dt + √(2D) dW (free diffusion as k → 0):
  // x ← x e^(−k dt) + √(D(1 − e^(−2k dt))/k) ξ, so any dt is exact in distribution.
  const decay = Math.exp(-p.trapStiffness * p.dt);
  const kick =
    p.trapStiffness === 0
      ? Math.sqrt(2 * p.diffusion * p.dt)
      : Math.sqrt((p.diffusion * -Math.expm1(-2 * p.trapStiffness * p.dt)) / p.trapStiffness);
  const stride = Math.ceil(p.steps / MAX_SERIES_POINTS);
  const series = { t: [0], msd: [0], expectedMsd: [0] };
  let step = 0;
  let msd = 0;
  await runChunked(
    {
      total: p.steps,
      advance(units) {
        for (let u = 0; u < units; u++) {
          let sum = 0;
          for (let i = 0; i < 2 * n; i += 2) {
            rng.nextNormalPair(pair);
            const x = positions[i]! * decay + kick * pair[0]!;
            const y = positions[i + 1]! * decay + kick * pair[1]!;
            positions[i] = x;
            positions[i + 1] = y;
            sum += x * x + y * y;
          }
          step++;
          msd = sum / n;
          if (step % stride === 0 || step === p.steps) {
            const t = step * p.dt;
            series.t.push(t);
            series.msd.push(msd);
            series.expectedMsd.push(brownianMsd(t, p.diffusion, p.trapStiffness));
          }
        }
      },
      frame: () => ({
        time: step * p.dt,
        positions: positions.slice(0, 2 * Math.min(n, MAX_FRAME_PARTICLES)),
        msd,
      }),
    },
    options,
  );
  // Fits over the recorded points: MSD = 4Dt through the origin, and an ordinary least-squares slope.
  let stt = 0;
  let stm = 0;
  let st = 0;
  let sm = 0;
  const rows = series.t.length;
  for (let i = 0; i < rows; i++) {
    const t = series.t[i]!;
    const m = series.msd[i]!;
    stt += t * t;
    stm += t * m;
    st += t;
    sm += m;
  }
  const msdSlope = (rows * stm - st * sm) / (rows * stt - st * st);
  const finalTime = p.steps * p.dt;
  return {
    summary: {
      diffusionEstimate: stm / stt / 4,
      msdSlope: Number.isFinite(msdSlope) ? msdSlope : 0,
      finalMsd: msd,
      expectedFinalMsd: brownianMsd(finalTime, p.diffusion, p.trapStiffness),
    },
    series,
  };
}

/** N independent Brownian particles in 2D, free or in a harmonic trap. */
export const brownian: SimulationModule<
  'brownian',
  BrownianParams,
  BrownianSummary,
  BrownianFrame
> = {
  ...brownianInfo,
  paramsSchema: brownianSchema,
  defaults: parseParams(brownianSchema, {}),
  simulate: simulateBrownian,
};
