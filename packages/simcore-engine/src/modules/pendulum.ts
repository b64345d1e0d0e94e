import { z } from 'zod';
import { integerParam, realParam } from '../params.ts';
import { parseParams, runChunked } from '../runtime.ts';
import type { RunOptions, SimulationModule, SimulationResult } from '../types.ts';
import { pendulumInfo } from './pendulum.info.ts';

const MAX_SERIES_POINTS = 4000;

export const pendulumSchema = z
  .strictObject({
    mass1: realParam('mass1', 0.01, 100, 1),
    mass2: realParam('mass2', 0.01, 100, 1),
    length1: realParam('length1', 0.01, 100, 1),
    length2: realParam('length2', 0.01, 100, 1),
    gravity: realParam('gravity', 0.01, 100, 9.81),
    theta1: realParam('theta1', -Math.PI, Math.PI, 2),
    theta2: realParam('theta2', -Math.PI, Math.PI, 2.5),
    omega1: realParam('omega1', -50, 50, 0),
    omega2: realParam('omega2', -50, 50, 0),
    dt: realParam('dt', 1e-5, 0.05, 0.001),
    steps: integerParam('steps', 1, 2000000, 20000),
  })
  .refine((p) => p.dt * Math.sqrt(p.gravity / Math.min(p.length1, p.length2)) <= 0.1, {
    error: 'dt: dt·√(gravity/shorter length) must be at most 0.1 for an accurate RK4 step',
    path: ['dt'],
  });

export type PendulumParams = z.output<typeof pendulumSchema>;

export interface PendulumSummary extends Record<string, number> {
  energyDrift: number;
  theta1Frequency: number;
  normalModeSlow: number;
  normalModeFast: number;
  flips: number;
}

/** Bob positions [x1, y1, x2, y2] (y up, pivot at the origin). */
export interface PendulumFrame {
  time: number;
  bobs: Float64Array;
}

type Masses = Pick<PendulumParams, 'mass1' | 'mass2' | 'length1' | 'length2' | 'gravity'>;

/** Small-oscillation angular frequencies (slow, fast) from det(K − ω²M) = 0 of the linearised equations. */
export function pendulumNormalModes(p: Masses): [number, number] {
  const { mass1: m1, mass2: m2, length1: l1, length2: l2, gravity: g } = p;
  // M = [[(m1+m2)l1², m2 l1 l2], [m2 l1 l2, m2 l2²]], K = diag((m1+m2) g l1, m2 g l2).
  const a = m1 * m2 * l1 * l1 * l2 * l2;
  const b = -(m1 + m2) * m2 * g * l1 * l2 * (l1 + l2);
  const c = (m1 + m2) * m2 * g * g * l1 * l2;
  const root = Math.sqrt(b * b - 4 * a * c);
  return [Math.sqrt((-b - root) / (2 * a)), Math.sqrt((-b + root) / (2 * a))];
}

/** Total energy T + V of the state [θ1, θ2, ω1, ω2]. */
export function pendulumEnergy(p: Masses, s: Float64Array): number {
  const { mass1: m1, mass2: m2, length1: l1, length2: l2, gravity: g } = p;
  const [t1, t2, w1, w2] = [s[0]!, s[1]!, s[2]!, s[3]!];
  const kinetic =
    0.5 * (m1 + m2) * l1 * l1 * w1 * w1 +
    0.5 * m2 * l2 * l2 * w2 * w2 +
    m2 * l1 * l2 * w1 * w2 * Math.cos(t1 - t2);
  return kinetic - (m1 + m2) * g * l1 * Math.cos(t1) - m2 * g * l2 * Math.cos(t2);
}

function rate(p: Masses, s: Float64Array, so: number, out: Float64Array, oo: number): void {
  const { mass1: m1, mass2: m2, length1: l1, length2: l2, gravity: g } = p;
  const t1 = s[so]!;
  const t2 = s[so + 1]!;
  const w1 = s[so + 2]!;
  const w2 = s[so + 3]!;
  const d = t1 - t2;
  const sd = Math.sin(d);
  const cd = Math.cos(d);
  const den = 2 * m1 + m2 - m2 * Math.cos(2 * d);
  out[oo] = w1;
  out[oo + 1] = w2;
  out[oo + 2] =
    (-g * (2 * m1 + m2) * Math.sin(t1) -
      m2 * g * Math.sin(t1 - 2 * t2) -
      2 * sd * m2 * (w2 * w2 * l2 + w1 * w1 * l1 * cd)) /
    (l1 * den);
  out[oo + 3] =
    (2 * sd * (w1 * w1 * l1 * (m1 + m2) + g * (m1 + m2) * Math.cos(t1) + w2 * w2 * l2 * m2 * cd)) /
    (l2 * den);
}

/** One RK4 step of the state [θ1, θ2, ω1, ω2] in place; `work` holds 20 scratch values. */
export function pendulumStep(p: Masses, s: Float64Array, dt: number, work: Float64Array): void {
  rate(p, s, 0, work, 0);
  for (let i = 0; i < 4; i++) work[16 + i] = s[i]! + 0.5 * dt * work[i]!;
  rate(p, work, 16, work, 4);
  for (let i = 0; i < 4; i++) work[16 + i] = s[i]! + 0.5 * dt * work[4 + i]!;
  rate(p, work, 16, work, 8);
  for (let i = 0; i < 4; i++) work[16 + i] = s[i]! + dt * work[8 + i]!;
  rate(p, work, 16, work, 12);
  for (let i = 0; i < 4; i++)
    s[i] = s[i]! + (dt / 6) * (work[i]! + 2 * work[4 + i]! + 2 * work[8 + i]! + work[12 + i]!);
}

async function simulatePendulum(
  input: Partial<PendulumParams> = {},
  options: RunOptions<PendulumFrame> = {},
): Promise<SimulationResult<PendulumSummary>> {
  const p = parseParams(pendulumSchema, input);
  const state = Float64Array.of(p.theta1, p.theta2, p.omega1, p.omega2);
  const work = new Float64Array(20);
  const e0 = pendulumEnergy(p, state);
  const energyScale = (p.mass1 + p.mass2) * p.gravity * (p.length1 + p.length2);
  const stride = Math.ceil(p.steps / MAX_SERIES_POINTS);
  const series = { t: [0], theta1: [p.theta1], theta2: [p.theta2], energy: [e0] };
  let step = 0;
  let energyDrift = 0;
  let firstCrossing = -1;
  let lastCrossing = -1;
  let crossings = 0;
  let flips = 0;
  let turns2 = Math.round(p.theta2 / (2 * Math.PI));
  const bobs = (): Float64Array => {
    const x1 = p.length1 * Math.sin(state[0]!);
    const y1 = -p.length1 * Math.cos(state[0]!);
    return Float64Array.of(
      x1,
      y1,
      x1 + p.length2 * Math.sin(state[1]!),
      y1 - p.length2 * Math.cos(state[1]!),
    );
  };
  await runChunked(
    {
      total: p.steps,
      advance(units) {
        for (let u = 0; u < units; u++) {
          const before = state[0]!;
          pendulumStep(p, state, p.dt, work);
          step++;
          const after = state[0]!;
          // θ1 zero crossings (linear interpolation) give the period of a normal-mode oscillation.
          if ((before < 0 && after >= 0) || (before > 0 && after <= 0)) {
            const time = (step - 1 + before / (before - after)) * p.dt;
            if (firstCrossing < 0) firstCrossing = time;
            lastCrossing = time;
            crossings++;
          }
          // The outer arm flips when θ2 passes an odd multiple of π (over the top).
          const turns = Math.round(state[1]! / (2 * Math.PI));
          if (turns !== turns2) {
            flips += Math.abs(turns - turns2);
            turns2 = turns;
          }
          const e = pendulumEnergy(p, state);
          energyDrift = Math.max(energyDrift, Math.abs(e - e0) / energyScale);
          if (step % stride === 0 || step === p.steps) {
            series.t.push(step * p.dt);
            series.theta1.push(state[0]!);
            series.theta2.push(state[1]!);
            series.energy.push(e);
          }
        }
      },
      frame: () => ({ time: step * p.dt, bobs: bobs() }),
    },
    options,
  );
  const [normalModeSlow, normalModeFast] = pendulumNormalModes(p);
  return {
    summary: {
      energyDrift,
      theta1Frequency:
        crossings >= 2 ? (Math.PI * (crossings - 1)) / (lastCrossing - firstCrossing) : 0,
      normalModeSlow,
      normalModeFast,
      flips,
    },
    series,
  };
}

/** The double pendulum: chaos, energy conservation and normal modes. */
export const pendulum: SimulationModule<
  'pendulum',
  PendulumParams,
  PendulumSummary,
  PendulumFrame
> = {
  ...pendulumInfo,
  paramsSchema: pendulumSchema,
  defaults: parseParams(pendulumSchema, {}),
  simulate: simulatePendulum,
};
