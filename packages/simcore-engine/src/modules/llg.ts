import { z } from 'zod';
import { integerParam, realParam, vector3Param } from '../params.ts';
import { parseParams, runChunked } from '../runtime.ts';
import type { RunOptions, SimulationModule, SimulationResult } from '../types.ts';
import { llgInfo } from './llg.info.ts';

const MAX_SERIES_POINTS = 4000;
/** γ|B|dt above this makes RK4 inaccurate for precession (phase error per step ~ (γBdt)⁵/120). */
const MAX_ROTATION_PER_STEP = 0.5;

const norm3 = (v: readonly number[]): number => Math.hypot(v[0]!, v[1]!, v[2]!);

export const llgSchema = z
  .strictObject({
    gamma: realParam('gamma', 0.01, 10, 1),
    alpha: realParam('alpha', 0, 1, 0.1),
    field: vector3Param('field', -10, 10, [0, 0, 1]),
    initial: vector3Param('initial', -1, 1, [1, 0, 0]),
    dt: realParam('dt', 1e-4, 0.5, 0.01),
    steps: integerParam('steps', 1, 1000000, 5000),
  })
  .refine((p) => norm3(p.field) > 1e-9, { error: 'field must not be zero', path: ['field'] })
  .refine((p) => norm3(p.initial) > 1e-9, { error: 'initial must not be zero', path: ['initial'] })
  .refine((p) => p.gamma * norm3(p.field) * p.dt <= MAX_ROTATION_PER_STEP, {
    error: `dt: γ·|field|·dt must be at most ${MAX_ROTATION_PER_STEP} for an accurate RK4 step`,
    path: ['dt'],
  });

export type LlgParams = z.output<typeof llgSchema>;

export interface LlgSummary extends Record<string, number> {
  precessionFrequency: number;
  finalAlignment: number;
  normDrift: number;
  /** γ|B|/(1+α²), the exact precession frequency. */
  expectedFrequency: number;
}

/** The current magnetisation m = (mx, my, mz). */
export interface LlgFrame {
  time: number;
  m: Float64Array;
}

/**
 * Landau–Lifshitz–Gilbert right-hand side in explicit (Landau–Lifshitz) form:
 * dm/dt = −γ/(1+α²) [m × B + α m × (m × B)].
 */
function llgRate(
  m: Float64Array,
  mo: number,
  b: readonly number[],
  g: number,
  alpha: number,
  out: Float64Array,
  oo: number,
): void {
  const mx = m[mo]!;
  const my = m[mo + 1]!;
  const mz = m[mo + 2]!;
  const [bx, by, bz] = b as [number, number, number];
  const cx = my * bz - mz * by;
  const cy = mz * bx - mx * bz;
  const cz = mx * by - my * bx;
  const dx = my * cz - mz * cy;
  const dy = mz * cx - mx * cz;
  const dz = mx * cy - my * cx;
  out[oo] = -g * (cx + alpha * dx);
  out[oo + 1] = -g * (cy + alpha * dy);
  out[oo + 2] = -g * (cz + alpha * dz);
}

/** One RK4 step of the LLG equation on m (in place); `work` holds 15 scratch values. */
export function llgStep(
  m: Float64Array,
  b: readonly number[],
  gammaEff: number,
  alpha: number,
  dt: number,
  work: Float64Array,
): void {
  // work: k1 [0..3), k2 [3..6), k3 [6..9), k4 [9..12), trial state [12..15).
  llgRate(m, 0, b, gammaEff, alpha, work, 0);
  for (let i = 0; i < 3; i++) work[12 + i] = m[i]! + 0.5 * dt * work[i]!;
  llgRate(work, 12, b, gammaEff, alpha, work, 3);
  for (let i = 0; i < 3; i++) work[12 + i] = m[i]! + 0.5 * dt * work[3 + i]!;
  llgRate(work, 12, b, gammaEff, alpha, work, 6);
  for (let i = 0; i < 3; i++) work[12 + i] = m[i]! + dt * work[6 + i]!;
  llgRate(work, 12, b, gammaEff, alpha, work, 9);
  for (let i = 0; i < 3; i++)
    m[i] = m[i]! + (dt / 6) * (work[i]! + 2 * work[3 + i]! + 2 * work[6 + i]! + work[9 + i]!);
}

async function simulateLlg(
  input: Partial<LlgParams> = {},
  options: RunOptions<LlgFrame> = {},
): Promise<SimulationResult<LlgSummary>> {
  const p = parseParams(llgSchema, input);
  const bNorm = norm3(p.field);
  const bHat = p.field.map((c) => c / bNorm);
  const gammaEff = p.gamma / (1 + p.alpha * p.alpha);
  const m0 = norm3(p.initial);
  const m = Float64Array.from(p.initial, (c) => c / m0);
  const work = new Float64Array(15);
  // Azimuth about B̂ measured in a fixed frame (e1, e2) ⟂ B̂, unwrapped to accumulate turns.
  const helper = Math.abs(bHat[0]!) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const dotHelper = helper[0]! * bHat[0]! + helper[1]! * bHat[1]! + helper[2]! * bHat[2]!;
  const e1raw = helper.map((h, i) => h - dotHelper * bHat[i]!);
  const e1n = norm3(e1raw);
  const e1 = e1raw.map((c) => c / e1n);
  const e2 = [
    bHat[1]! * e1[2]! - bHat[2]! * e1[1]!,
    bHat[2]! * e1[0]! - bHat[0]! * e1[2]!,
    bHat[0]! * e1[1]! - bHat[1]! * e1[0]!,
  ];
  const azimuth = (): number =>
    Math.atan2(
      m[0]! * e2[0]! + m[1]! * e2[1]! + m[2]! * e2[2]!,
      m[0]! * e1[0]! + m[1]! * e1[1]! + m[2]! * e1[2]!,
    );
  const stride = Math.ceil(p.steps / MAX_SERIES_POINTS);
  const series = { t: [0], mx: [m[0]!], my: [m[1]!], mz: [m[2]!] };
  let step = 0;
  let normDrift = 0;
  let phase = azimuth();
  let unwrapped = 0;
  // Least-squares fit of the unwrapped azimuth against time: sums over every step.
  let sumT = 0;
  let sumP = 0;
  let sumTT = 0;
  let sumTP = 0;
  let samples = 0;
  let transverseOk = true;
  await runChunked(
    {
      total: p.steps,
      advance(units) {
        for (let u = 0; u < units; u++) {
          llgStep(m, p.field, gammaEff, p.alpha, p.dt, work);
          step++;
          normDrift = Math.max(normDrift, Math.abs(Math.hypot(m[0]!, m[1]!, m[2]!) - 1));
          const next = azimuth();
          let d = next - phase;
          if (d > Math.PI) d -= 2 * Math.PI;
          else if (d < -Math.PI) d += 2 * Math.PI;
          phase = next;
          unwrapped += d;
          const t = step * p.dt;
          // Once m is (numerically) along B the azimuth is meaningless: stop fitting.
          const along = m[0]! * bHat[0]! + m[1]! * bHat[1]! + m[2]! * bHat[2]!;
          const transverse = 1 - along * along;
          if (transverse < 1e-12) transverseOk = false;
          if (transverseOk) {
            sumT += t;
            sumP += unwrapped;
            sumTT += t * t;
            sumTP += t * unwrapped;
            samples++;
          }
          if (step % stride === 0 || step === p.steps) {
            series.t.push(t);
            series.mx.push(m[0]!);
            series.my.push(m[1]!);
            series.mz.push(m[2]!);
          }
        }
      },
      frame: () => ({ time: step * p.dt, m: m.slice() }),
    },
    options,
  );
  const slope = samples > 1 ? (samples * sumTP - sumT * sumP) / (samples * sumTT - sumT * sumT) : 0;
  const length = Math.hypot(m[0]!, m[1]!, m[2]!);
  return {
    summary: {
      // B along +z makes m precess clockwise seen from +z (dm/dt ∝ −m×B): report the rate as positive.
      precessionFrequency: Math.abs(slope),
      finalAlignment: (m[0]! * bHat[0]! + m[1]! * bHat[1]! + m[2]! * bHat[2]!) / length,
      normDrift,
      expectedFrequency: gammaEff * bNorm,
    },
    series,
  };
}

/** One macrospin in a static field: precession and Gilbert damping. */
export const llg: SimulationModule<'llg', LlgParams, LlgSummary, LlgFrame> = {
  ...llgInfo,
  paramsSchema: llgSchema,
  defaults: parseParams(llgSchema, {}),
  simulate: simulateLlg,
};
