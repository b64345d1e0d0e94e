import FFT from 'fft.js';
import { z } from 'zod';
import { integerParam, isPowerOfTwo, realParam, workBound } from '../params.ts';
import { parseParams, runChunked } from '../runtime.ts';
import type { RunOptions, SimulationModule, SimulationResult } from '../types.ts';
import { tunnelingInfo } from './tunneling.info.ts';

const MAX_WORK = 4e8;
const MAX_SPATIAL_POINTS = 1024;
const MAX_TIME_POINTS = 500;

export const tunnelingSchema = z
  .strictObject({
    gridPoints: integerParam('gridPoints', 256, 16384, 4096).refine(isPowerOfTwo, {
      error: 'gridPoints must be a power of two (256 … 16384)',
    }),
    length: realParam('length', 20, 4000, 256),
    packetCenter: realParam('packetCenter', -2000, 2000, -60),
    packetWidth: realParam('packetWidth', 0.5, 500, 15),
    packetMomentum: realParam('packetMomentum', -20, 20, 1.2),
    barrierHeight: realParam('barrierHeight', -10, 10, 1),
    barrierWidth: realParam('barrierWidth', 0, 100, 1),
    dt: realParam('dt', 0.001, 0.5, 0.05),
    steps: integerParam('steps', 1, 200000, 2000),
  })
  .refine((p) => Math.abs(p.packetCenter) + 3 * p.packetWidth <= p.length / 2, {
    error:
      'packetCenter: the packet (centre ± 3 widths) must lie inside the grid [−length/2, length/2)',
    path: ['packetCenter'],
  })
  .refine(
    (p) =>
      p.packetCenter + 3 * p.packetWidth <= 0 ||
      p.packetCenter - 3 * p.packetWidth >= p.barrierWidth,
    {
      error:
        'packetCenter: the packet (centre ± 3 widths) must start clear of the barrier [0, barrierWidth]',
      path: ['packetCenter'],
    },
  )
  .refine((p) => p.barrierWidth < p.length / 2, {
    error: 'barrierWidth must be less than length/2',
    path: ['barrierWidth'],
  })
  .refine(
    (p) =>
      (Math.PI * p.gridPoints) / p.length >= 2 * (Math.abs(p.packetMomentum) + 3 / p.packetWidth),
    {
      error:
        'gridPoints: the grid is too coarse for this momentum (need π·gridPoints/length ≥ 2(|k₀| + 3/packetWidth))',
      path: ['gridPoints'],
    },
  )
  .refine(
    ...workBound(
      (p: { gridPoints: number; steps: number }) => p.gridPoints * p.steps,
      MAX_WORK,
      'steps',
      'gridPoints × steps',
    ),
  );

export type TunnelingParams = z.output<typeof tunnelingSchema>;

export interface TunnelingSummary extends Record<string, number> {
  transmission: number;
  reflection: number;
  normDrift: number;
  /** Plane-wave transmission coefficient at the packet's central energy, for comparison. */
  planeWaveTransmission: number;
  /** Probability in the outer 5 % of each side of the grid at the end: non-negligible means wrap-around. */
  edgeProbability: number;
  energy: number;
}

/** |ψ(x)|² on the whole grid at `time`. */
export interface TunnelingFrame {
  time: number;
  density: Float64Array;
  transmission: number;
  reflection: number;
}

/**
 * Transmission coefficient of a plane wave of wavenumber k through a rectangular barrier of height
 * v0 and width a (ħ = m = 1).
 */
export function rectangularBarrierTransmission(k: number, v0: number, a: number): number {
  const e = (k * k) / 2;
  if (a === 0 || v0 === 0) return 1;
  if (e === v0) return 1 / (1 + (v0 * a * a) / 2);
  if (e < v0) {
    const kappa = Math.sqrt(2 * (v0 - e));
    const s = Math.sinh(kappa * a);
    return 1 / (1 + (v0 * v0 * s * s) / (4 * e * (v0 - e)));
  }
  const q = Math.sqrt(2 * (e - v0));
  const s = Math.sin(q * a);
  return 1 / (1 + (v0 * v0 * s * s) / (4 * e * (e - v0)));
}

/** Split-operator propagator on a periodic grid; owns its buffers so steps allocate nothing. */
export class SplitOperator {
  readonly n: number;
  readonly dx: number;
  readonly x: Float64Array;
  readonly potential: Float64Array;
  /** ψ, interleaved re/im. */
  readonly psi: Float64Array;
  private readonly spectrum: Float64Array;
  private readonly halfPotentialPhase: Float64Array;
  private readonly kineticPhase: Float64Array;
  private readonly fft: FFT;

  constructor(p: TunnelingParams) {
    const n = p.gridPoints;
    this.n = n;
    this.dx = p.length / n;
    this.x = new Float64Array(n);
    this.potential = new Float64Array(n);
    this.psi = new Float64Array(2 * n);
    this.spectrum = new Float64Array(2 * n);
    this.halfPotentialPhase = new Float64Array(2 * n);
    this.kineticPhase = new Float64Array(2 * n);
    this.fft = new FFT(n);
    const { dx } = this;
    const sigma = p.packetWidth;
    const norm = 1 / Math.sqrt(Math.sqrt(2 * Math.PI * sigma * sigma));
    for (let j = 0; j < n; j++) {
      const x = -p.length / 2 + j * dx;
      this.x[j] = x;
      // Cell-averaged potential: the barrier's width on the grid is exactly barrierWidth.
      const overlap = Math.max(0, Math.min(x + dx / 2, p.barrierWidth) - Math.max(x - dx / 2, 0));
      const v = (p.barrierHeight * overlap) / dx;
      this.potential[j] = v;
      this.halfPotentialPhase[2 * j] = Math.cos((-v * p.dt) / 2);
      this.halfPotentialPhase[2 * j + 1] = Math.sin((-v * p.dt) / 2);
      const u = x - p.packetCenter;
      const amplitude = norm * Math.exp(-(u * u) / (4 * sigma * sigma));
      this.psi[2 * j] = amplitude * Math.cos(p.packetMomentum * x);
      this.psi[2 * j + 1] = amplitude * Math.sin(p.packetMomentum * x);
      const m = j < n / 2 ? j : j - n;
      const k = (2 * Math.PI * m) / p.length;
      this.kineticPhase[2 * j] = Math.cos((-k * k * p.dt) / 2);
      this.kineticPhase[2 * j + 1] = Math.sin((-k * k * p.dt) / 2);
    }
  }

  /** One Strang step: e^(−iVdt/2) e^(−iTdt) e^(−iVdt/2), the kinetic factor applied in k-space. */
  step(): void {
    const { psi, spectrum } = this;
    multiplyInPlace(psi, this.halfPotentialPhase);
    this.fft.transform(spectrum, psi);
    multiplyInPlace(spectrum, this.kineticPhase);
    this.fft.inverseTransform(psi, spectrum);
    multiplyInPlace(psi, this.halfPotentialPhase);
  }

  /** ∫|ψ|² over x in [from, to). */
  probability(from: number, to: number): number {
    let sum = 0;
    for (let j = 0; j < this.n; j++) {
      const x = this.x[j]!;
      if (x >= from && x < to) sum += abs2(this.psi, j);
    }
    return sum * this.dx;
  }

  /**
   * One pass over the grid: out[0] = P(x < 0), out[1] = P(x > barrierWidth), out[2] = total norm.
   */
  regions(barrierWidth: number, out: Float64Array): void {
    let before = 0;
    let beyond = 0;
    let total = 0;
    for (let j = 0; j < this.n; j++) {
      const d = abs2(this.psi, j);
      const x = this.x[j]!;
      total += d;
      if (x < 0) before += d;
      else if (x > barrierWidth) beyond += d;
    }
    out[0] = before * this.dx;
    out[1] = beyond * this.dx;
    out[2] = total * this.dx;
  }

  density(): Float64Array {
    const out = new Float64Array(this.n);
    for (let j = 0; j < this.n; j++) out[j] = abs2(this.psi, j);
    return out;
  }

  /** ⟨H⟩ = ⟨T⟩ + ⟨V⟩, the kinetic part from the spectrum. */
  energy(length: number): number {
    const { n, psi, spectrum } = this;
    this.fft.transform(spectrum, psi);
    let kinetic = 0;
    let potential = 0;
    for (let j = 0; j < n; j++) {
      const m = j < n / 2 ? j : j - n;
      const k = (2 * Math.PI * m) / length;
      kinetic += ((k * k) / 2) * abs2(spectrum, j);
      potential += this.potential[j]! * abs2(psi, j);
    }
    // Parseval: Σ|ψ̂|² = n Σ|ψ|², and Σ|ψ|²·dx = 1.
    return (kinetic * this.dx) / n + potential * this.dx;
  }
}

/**
 * |z_j|² of an interleaved complex array. Products, never `**`: V8 may evaluate x ** 2 as Math.pow
 * in one tier and x·x in another, which breaks bit-for-bit reproducibility.
 */
function abs2(z: Float64Array, j: number): number {
  const re = z[2 * j]!;
  const im = z[2 * j + 1]!;
  return re * re + im * im;
}

function multiplyInPlace(z: Float64Array, w: Float64Array): void {
  for (let i = 0; i < z.length; i += 2) {
    const a = z[i]!;
    const b = z[i + 1]!;
    const c = w[i]!;
    const d = w[i + 1]!;
    z[i] = a * c - b * d;
    z[i + 1] = a * d + b * c;
  }
}

/** Block-averages `values` down to at most `max` points. */
function downsample(values: Float64Array, max: number): number[] {
  const block = Math.ceil(values.length / max);
  const out: number[] = [];
  for (let i = 0; i < values.length; i += block) {
    let sum = 0;
    const end = Math.min(values.length, i + block);
    for (let j = i; j < end; j++) sum += values[j]!;
    out.push(sum / (end - i));
  }
  return out;
}

async function simulateTunneling(
  input: Partial<TunnelingParams> = {},
  options: RunOptions<TunnelingFrame> = {},
): Promise<SimulationResult<TunnelingSummary>> {
  const p = parseParams(tunnelingSchema, input);
  const solver = new SplitOperator(p);
  const half = p.length / 2;
  const edge = 0.05 * p.length;
  const initialDensity = solver.density();
  const energy = solver.energy(p.length);
  const regions = new Float64Array(3);
  solver.regions(p.barrierWidth, regions);
  const norm0 = regions[2]!;
  const stride = Math.ceil(p.steps / MAX_TIME_POINTS);
  const time: number[] = [0];
  const transmissionSeries: number[] = [regions[1]!];
  const reflectionSeries: number[] = [regions[0]!];
  let step = 0;
  let normDrift = 0;
  await runChunked(
    {
      total: p.steps,
      advance(units) {
        for (let u = 0; u < units; u++) {
          solver.step();
          step++;
          if (step % stride === 0 || step === p.steps) {
            solver.regions(p.barrierWidth, regions);
            normDrift = Math.max(normDrift, Math.abs(regions[2]! - norm0));
            time.push(step * p.dt);
            transmissionSeries.push(regions[1]!);
            reflectionSeries.push(regions[0]!);
          }
        }
      },
      frame: () => ({
        time: step * p.dt,
        density: solver.density(),
        transmission: transmissionSeries.at(-1) ?? 0,
        reflection: reflectionSeries.at(-1) ?? 0,
      }),
    },
    options,
  );
  return {
    summary: {
      transmission: transmissionSeries.at(-1) ?? 0,
      reflection: reflectionSeries.at(-1) ?? 0,
      normDrift,
      planeWaveTransmission: rectangularBarrierTransmission(
        p.packetMomentum,
        p.barrierHeight,
        p.barrierWidth,
      ),
      edgeProbability:
        solver.probability(-half, -half + edge) + solver.probability(half - edge, half),
      energy,
    },
    series: {
      x: downsample(solver.x, MAX_SPATIAL_POINTS),
      density: downsample(solver.density(), MAX_SPATIAL_POINTS),
      initialDensity: downsample(initialDensity, MAX_SPATIAL_POINTS),
      potential: downsample(solver.potential, MAX_SPATIAL_POINTS),
      time,
      transmission: transmissionSeries,
      reflection: reflectionSeries,
    },
  };
}

/** Gaussian wave packet on a rectangular barrier: 1D time-dependent Schrödinger equation. */
export const tunneling: SimulationModule<
  'tunneling',
  TunnelingParams,
  TunnelingSummary,
  TunnelingFrame
> = {
  ...tunnelingInfo,
  paramsSchema: tunnelingSchema,
  defaults: parseParams(tunnelingSchema, {}),
  simulate: simulateTunneling,
};
