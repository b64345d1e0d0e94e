import { z } from 'zod';
import { integerParam, realParam, seedParam, workBound } from '../params.ts';
import { Xoshiro128 } from '../rng.ts';
import { parseParams, runChunked } from '../runtime.ts';
import type { RunOptions, SimulationModule, SimulationResult } from '../types.ts';
import { isingInfo } from './ising.info.ts';

/** Replicas simulated side by side, one per bit of a 32-bit word (replica multi-spin coding). */
export const ISING_REPLICAS = 32;
/** Rows of the acceptance-mask table: acceptance probabilities are multiples of 2^-16. */
const MASK_ROWS = 1 << 16;
/** Masks per row: flips costing energy with k = 0, 1, 2 anti-aligned neighbours, spin up then down. */
const MASKS = 6;
/** Word updates per run: about 80 s of one core at most (sweep + measurement ≈ 12 M words/s). */
const MAX_WORK = 1e9;
const MAX_SERIES_POINTS = 2000;

export const isingSchema = z
  .strictObject({
    size: integerParam('size', 4, 512, 64).refine((l) => l % 2 === 0, {
      error: 'size must be even (checkerboard update on a periodic lattice)',
    }),
    temperature: realParam('temperature', 0.5, 10, 2),
    field: realParam('field', -2, 2, 0),
    sweeps: integerParam('sweeps', 1, 100000, 1000),
    equilibrationSweeps: integerParam('equilibrationSweeps', 0, 100000, 200),
    seed: seedParam(1),
    initialState: z
      .enum(['ordered', 'random'], { error: "initialState must be 'ordered' or 'random'" })
      .default('ordered'),
  })
  .refine(
    ...workBound(
      (p: { size: number; sweeps: number; equilibrationSweeps: number }) =>
        p.size * p.size * (p.sweeps + p.equilibrationSweeps),
      MAX_WORK,
      'sweeps',
      'size² × (sweeps + equilibrationSweeps)',
    ),
  );

export type IsingParams = z.output<typeof isingSchema>;

export interface IsingSummary extends Record<string, number> {
  meanAbsMagnetization: number;
  meanAbsMagnetizationError: number;
  meanEnergyPerSpin: number;
  meanEnergyPerSpinError: number;
  specificHeat: number;
  susceptibility: number;
  acceptanceRate: number;
  replicas: number;
}

/** Live view of replica 0: spins as 0 (down) / 1 (up), row-major size×size. */
export interface IsingFrame {
  sweep: number;
  size: number;
  spins: Uint8Array;
  magnetization: number;
  energy: number;
}

/** Onsager's critical temperature 2/ln(1+√2). */
export const ISING_TC = 2 / Math.log(1 + Math.SQRT2);

/** Onsager–Yang spontaneous magnetisation of the infinite lattice at h = 0 (0 at and above T_c). */
export function onsagerMagnetization(temperature: number): number {
  if (temperature >= ISING_TC) return 0;
  return (1 - Math.sinh(2 / temperature) ** -4) ** 0.125;
}

/** Complete elliptic integral of the first kind K(k) by the arithmetic–geometric mean. */
function ellipticK(k: number): number {
  let a = 1;
  let b = Math.sqrt(1 - k * k);
  while (Math.abs(a - b) > 1e-15 * a) [a, b] = [(a + b) / 2, Math.sqrt(a * b)];
  return Math.PI / (2 * a);
}

/** Onsager's exact energy per spin of the infinite lattice at h = 0 (J = 1). */
export function onsagerEnergy(temperature: number): number {
  const b2 = 2 / temperature;
  const kappa = (2 * Math.sinh(b2)) / (Math.cosh(b2) * Math.cosh(b2));
  const th = Math.tanh(b2);
  return -(1 / th) * (1 + (2 / Math.PI) * (2 * th * th - 1) * ellipticK(kappa));
}

/**
 * Acceptance-mask table. Column j (bit j) of mask c is set on exactly round(P_c·2^16) rows chosen
 * by a random permutation, so a uniformly drawn row accepts a replica-j flip of class c with
 * probability P_c (to 2^-16), independently of the other replicas' columns: the 32 replicas are
 * independent Markov chains although they share one random row per site.
 */
function buildMaskTable(probabilities: Float64Array, rng: Xoshiro128): Int32Array {
  const table = new Int32Array(MASK_ROWS * MASKS);
  const counts = Array.from(probabilities, (p) => Math.min(MASK_ROWS, Math.round(p * MASK_ROWS)));
  // Certain flips (P = 1) take an all-ones column; only the others need random rows.
  for (let c = 0; c < MASKS; c++) {
    if (counts[c] === MASK_ROWS)
      for (let row = 0; row < MASK_ROWS; row++) table[row * MASKS + c] = -1;
  }
  const uncertain = counts.filter((n) => n < MASK_ROWS);
  const deepest = uncertain.length > 0 ? Math.max(...uncertain) : 0;
  const order = new Int32Array(MASK_ROWS);
  for (let r = 0; r < MASK_ROWS; r++) order[r] = r;
  for (let bit = 0; bit < ISING_REPLICAS; bit++) {
    const mask = 1 << bit;
    // Partial Fisher–Yates: order[0..deepest) becomes a uniform random sequence of distinct rows.
    for (let rank = 0; rank < deepest; rank++) {
      const pick =
        rank + Math.floor((rng.nextInt32() >>> 0) * 2.3283064365386963e-10 * (MASK_ROWS - rank));
      const row = order[pick]!;
      order[pick] = order[rank]!;
      order[rank] = row;
    }
    // The first counts[c] rows of that sequence accept class c (nested sets, exact counts).
    for (let c = 0; c < MASKS; c++) {
      const count = counts[c]!;
      if (count === MASK_ROWS) continue;
      for (let rank = 0; rank < count; rank++) table[order[rank]! * MASKS + c]! |= mask;
    }
  }
  return table;
}

/**
 * Adds one bit per replica, of weight 2^from, into a bit-sliced counter (plane b holds bit b of every
 * replica's count).
 */
function addBits(planes: Int32Array, bits: number, from: number): void {
  let carry = bits;
  for (let b = from; carry !== 0; b++) {
    const plane = planes[b]!;
    planes[b] = plane ^ carry;
    carry &= plane;
  }
}

/** Replica j's count from the first `depth` planes of a bit-sliced counter. */
function readCounts(planes: Int32Array, depth: number, out: Float64Array): void {
  out.fill(0);
  for (let b = 0; b < depth; b++) {
    const plane = planes[b]!;
    if (plane === 0) continue;
    const weight = 2 ** b;
    for (let j = 0; j < ISING_REPLICAS; j++) out[j]! += ((plane >>> j) & 1) * weight;
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The lattice of 32 replicas and its Metropolis checkerboard sweep. Exposed for the benchmark;
 * `simulate` is the public entry point.
 */
export class IsingLattice {
  readonly size: number;
  /** Bit j of words[y·size + x] is replica j's spin at (x, y): 1 = up (+1), 0 = down (−1). */
  readonly words: Int32Array;
  private readonly table: Int32Array;
  private readonly rng: Xoshiro128;
  /** Flips accepted since construction, summed over replicas. */
  flips = 0;
  /** Bit-sliced counters, just deep enough for L² spins and 2L² bonds. */
  private readonly upPlanes: Int32Array;
  private readonly bondPlanes: Int32Array;

  constructor(
    params: Pick<IsingParams, 'size' | 'temperature' | 'field' | 'seed' | 'initialState'>,
  ) {
    const { size, temperature, field, seed } = params;
    this.size = size;
    this.rng = new Xoshiro128(seed);
    const beta = 1 / temperature;
    // ΔE of flipping spin s with k anti-aligned neighbours: 2(4 − 2k) + 2·h·s.
    const probabilities = new Float64Array(MASKS);
    for (let k = 0; k < 3; k++) {
      probabilities[k] = Math.min(1, Math.exp(-beta * (2 * (4 - 2 * k) + 2 * field)));
      probabilities[3 + k] = Math.min(1, Math.exp(-beta * (2 * (4 - 2 * k) - 2 * field)));
    }
    this.table = buildMaskTable(probabilities, this.rng);
    this.words = new Int32Array(size * size);
    this.upPlanes = new Int32Array(Math.ceil(Math.log2(size * size + 1)));
    this.bondPlanes = new Int32Array(Math.ceil(Math.log2(2 * size * size + 1)));
    if (params.initialState === 'ordered') this.words.fill(-1);
    else for (let i = 0; i < this.words.length; i++) this.words[i] = this.rng.nextInt32();
  }

  /** One Metropolis sweep: every site of one checkerboard colour, then the other. */
  sweep(): void {
    const { size: L, words: w, table: T } = this;
    const st = this.rng.s;
    let s0 = st[0]!;
    let s1 = st[1]!;
    let s2 = st[2]!;
    let s3 = st[3]!;
    let flips = 0;
    for (let parity = 0; parity < 2; parity++) {
      for (let y = 0; y < L; y++) {
        const row = y * L;
        const up = (y === 0 ? L - 1 : y - 1) * L;
        const down = (y === L - 1 ? 0 : y + 1) * L;
        for (let x = (y + parity) & 1; x < L; x += 2) {
          const i = row + x;
          const s = w[i]!;
          const a1 = s ^ w[up + x]!;
          const a2 = s ^ w[down + x]!;
          const a3 = s ^ w[x === 0 ? i + L - 1 : i - 1]!;
          const a4 = s ^ w[x === L - 1 ? row : i + 1]!;
          // k = a1 + a2 + a3 + a4 per bit, decoded into one-hot classes with two half adders.
          const h0 = a1 ^ a2;
          const c0 = a1 & a2;
          const h1 = a3 ^ a4;
          const c1 = a3 & a4;
          const odd = h0 ^ h1;
          const pairs = (c0 ^ c1) | (h0 & h1);
          const eq0 = ~(a1 | a2 | a3 | a4);
          const eq1 = odd & ~(c0 | c1 | (h0 & h1));
          const eq2 = pairs & ~odd;
          const ge3 = (c0 & c1) | (pairs & odd);
          // xoshiro128** step, inlined: one random row of acceptance masks per site.
          const m = Math.imul(s1, 5);
          const r = (Math.imul((m << 7) | (m >>> 25), 9) >>> 16) * MASKS;
          const t = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= t;
          s3 = (s3 << 11) | (s3 >>> 21);
          const acceptUp = (eq0 & T[r]!) | (eq1 & T[r + 1]!) | (eq2 & T[r + 2]!) | ge3;
          const acceptDown = (eq0 & T[r + 3]!) | (eq1 & T[r + 4]!) | (eq2 & T[r + 5]!) | ge3;
          const flip = (s & acceptUp) | (~s & acceptDown);
          w[i] = s ^ flip;
          flips += popcount(flip);
        }
      }
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    this.flips += flips;
  }

  /** Per-replica counts of up spins and of anti-aligned bonds (right and down neighbours). */
  measure(up: Float64Array, antiBonds: Float64Array): void {
    const { size: L, words: w, upPlanes, bondPlanes } = this;
    upPlanes.fill(0);
    bondPlanes.fill(0);
    // Carry-save adders keep the low planes in registers; only the sparser carries ripple into memory.
    let upOnes = 0;
    let bondOnes = 0;
    let bondTwos = 0;
    for (let y = 0; y < L; y++) {
      const row = y * L;
      const down = (y === L - 1 ? 0 : y + 1) * L;
      for (let x = 0; x < L; x += 2) {
        const s0 = w[row + x]!;
        const s1 = w[row + x + 1]!;
        const a = s0 ^ s1;
        const b = s0 ^ w[down + x]!;
        const c = s1 ^ w[row + (x + 2 === L ? 0 : x + 2)]!;
        const d = s1 ^ w[down + x + 1]!;
        // up += s0 + s1
        const upSum = upOnes ^ s0;
        const upCarry = (upOnes & s0) | (upSum & s1);
        upOnes = upSum ^ s1;
        if (upCarry !== 0) addBits(upPlanes, upCarry, 1);
        // bonds += a + b + c + d (right and down bonds of both sites)
        const ab = bondOnes ^ a;
        const carry1 = (bondOnes & a) | (ab & b);
        const ones1 = ab ^ b;
        const cd = ones1 ^ c;
        const carry2 = (ones1 & c) | (cd & d);
        bondOnes = cd ^ d;
        const twos = bondTwos ^ carry1;
        const carry4 = (bondTwos & carry1) | (twos & carry2);
        bondTwos = twos ^ carry2;
        if (carry4 !== 0) addBits(bondPlanes, carry4, 2);
      }
    }
    upPlanes[0] = upOnes;
    bondPlanes[0] = bondOnes;
    bondPlanes[1] = bondTwos;
    readCounts(upPlanes, upPlanes.length, up);
    readCounts(bondPlanes, bondPlanes.length, antiBonds);
  }

  /** Replica 0's spins as 0/1 bytes. */
  replicaSpins(replica = 0): Uint8Array {
    const spins = new Uint8Array(this.words.length);
    for (let i = 0; i < spins.length; i++) spins[i] = (this.words[i]! >>> replica) & 1;
    return spins;
  }
}

async function simulateIsing(
  input: Partial<IsingParams> = {},
  options: RunOptions<IsingFrame> = {},
): Promise<SimulationResult<IsingSummary>> {
  const p = parseParams(isingSchema, input);
  const lattice = new IsingLattice(p);
  const n = p.size * p.size;
  const total = p.equilibrationSweeps + p.sweeps;
  const stride = Math.ceil(total / MAX_SERIES_POINTS);
  const up = new Float64Array(ISING_REPLICAS);
  const anti = new Float64Array(ISING_REPLICAS);
  const sumAbsM = new Float64Array(ISING_REPLICAS);
  const sumM2 = new Float64Array(ISING_REPLICAS);
  const sumE = new Float64Array(ISING_REPLICAS);
  const sumE2 = new Float64Array(ISING_REPLICAS);
  const series = {
    sweep: [] as number[],
    magnetization: [] as number[],
    energy: [] as number[],
    meanAbsMagnetization: [] as number[],
  };
  let sweep = 0;
  let flipsAtStart = 0;
  let m0 = 0;
  let e0 = 0;
  await runChunked(
    {
      total,
      advance(units) {
        for (let u = 0; u < units; u++) {
          if (sweep === p.equilibrationSweeps) flipsAtStart = lattice.flips;
          lattice.sweep();
          sweep++;
          const measured = sweep > p.equilibrationSweeps;
          const recorded = sweep % stride === 0 || sweep === total;
          if (!measured && !recorded) continue;
          lattice.measure(up, anti);
          let absMSum = 0;
          for (let j = 0; j < ISING_REPLICAS; j++) {
            const m = (2 * up[j]! - n) / n;
            const e = (-(2 * n - 2 * anti[j]!) - p.field * (2 * up[j]! - n)) / n;
            if (j === 0) {
              m0 = m;
              e0 = e;
            }
            absMSum += Math.abs(m);
            if (measured) {
              sumAbsM[j]! += Math.abs(m);
              sumM2[j]! += m * m;
              sumE[j]! += e;
              sumE2[j]! += e * e;
            }
          }
          if (recorded) {
            series.sweep.push(sweep);
            series.magnetization.push(m0);
            series.energy.push(e0);
            series.meanAbsMagnetization.push(absMSum / ISING_REPLICAS);
          }
        }
      },
      frame: () => ({
        sweep,
        size: p.size,
        spins: lattice.replicaSpins(),
        magnetization: m0,
        energy: e0,
      }),
    },
    options,
  );
  const absM = Array.from(sumAbsM, (s) => s / p.sweeps);
  const energy = Array.from(sumE, (s) => s / p.sweeps);
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const standardError = (xs: number[]): number => {
    const mu = mean(xs);
    return Math.sqrt(xs.reduce((a, x) => a + (x - mu) * (x - mu), 0) / (xs.length - 1) / xs.length);
  };
  const specificHeat = mean(
    Array.from(
      sumE2,
      (s, j) => (n * (s / p.sweeps - energy[j]! * energy[j]!)) / (p.temperature * p.temperature),
    ),
  );
  const susceptibility = mean(
    Array.from(sumM2, (s, j) => (n * (s / p.sweeps - absM[j]! * absM[j]!)) / p.temperature),
  );
  return {
    summary: {
      meanAbsMagnetization: mean(absM),
      meanAbsMagnetizationError: standardError(absM),
      meanEnergyPerSpin: mean(energy),
      meanEnergyPerSpinError: standardError(energy),
      specificHeat,
      susceptibility,
      acceptanceRate: (lattice.flips - flipsAtStart) / (n * ISING_REPLICAS * p.sweeps),
      replicas: ISING_REPLICAS,
    },
    series,
  };
}

/** 2D Ising model, Metropolis on a periodic L×L lattice, 32 replicas in multi-spin coding. */
export const ising: SimulationModule<'ising', IsingParams, IsingSummary, IsingFrame> = {
  ...isingInfo,
  paramsSchema: isingSchema,
  defaults: parseParams(isingSchema, {}),
  simulate: simulateIsing,
};
