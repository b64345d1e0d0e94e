import { createRandom } from './random.ts';

/** A pure state: amplitude of basis state i is re[i] + i·im[i]; qubit 0 is bit 0 of i. */
export interface StateVector {
  numQubits: number;
  re: Float64Array;
  im: Float64Array;
}

/** |amplitude|² of every basis state. */
export function probabilities(state: StateVector): Float64Array {
  const { re, im } = state;
  const out = new Float64Array(re.length);
  for (let i = 0; i < re.length; i++) out[i] = re[i]! * re[i]! + im[i]! * im[i]!;
  return out;
}

/** Total probability Σ|a_i|² (1 for a normalised state). */
export function norm(state: StateVector): number {
  const { re, im } = state;
  let sum = 0;
  for (let i = 0; i < re.length; i++) sum += re[i]! * re[i]! + im[i]! * im[i]!;
  return sum;
}

/** Largest number of shots `sample` accepts in one call. */
export const MAX_SHOTS = 10_000_000;

/**
 * Measures every qubit `shots` times. Keys are bit strings written q[n-1]…q[0] (Qiskit's
 * order); the same seed gives the same counts everywhere.
 */
export function sample(state: StateVector, shots: number, seed: number): Record<string, number> {
  if (!Number.isInteger(shots) || shots < 0 || shots > MAX_SHOTS) {
    throw new RangeError(`shots must be a whole number from 0 to ${MAX_SHOTS}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  const { re, im, numQubits } = state;
  const random = createRandom(seed);
  const total = norm(state);
  // Sorting the uniforms lets one sweep of the cumulative distribution place every shot.
  const draws = new Float64Array(shots);
  for (let s = 0; s < shots; s++) draws[s] = random.next() * total;
  draws.sort();
  const counts: Record<string, number> = {};
  let cumulative = 0;
  let s = 0;
  let last = 0;
  for (let i = 0; i < re.length && s < shots; i++) {
    const p = re[i]! * re[i]! + im[i]! * im[i]!;
    if (p === 0) continue;
    last = i;
    cumulative += p;
    let hits = 0;
    while (s < shots && draws[s]! < cumulative) {
      hits++;
      s++;
    }
    if (hits > 0) counts[i.toString(2).padStart(numQubits, '0')] = hits;
  }
  // Rounding can leave the last draws just above the final cumulative sum.
  if (s < shots) {
    const key = last.toString(2).padStart(numQubits, '0');
    counts[key] = (counts[key] ?? 0) + shots - s;
  }
  return counts;
}

function checkQubit(state: StateVector, qubit: number): void {
  if (!Number.isInteger(qubit) || qubit < 0 || qubit >= state.numQubits) {
    throw new RangeError(`qubit must be in 0..${state.numQubits - 1}, got ${qubit}`);
  }
}

/** Reduced 2×2 density matrix of one qubit: [ρ00, ρ11, Re ρ01, Im ρ01]. */
function reducedQubit(state: StateVector, qubit: number): [number, number, number, number] {
  const { re, im } = state;
  const bit = 1 << qubit;
  let p0 = 0;
  let p1 = 0;
  let cr = 0;
  let ci = 0;
  for (let i = 0; i < re.length; i++) {
    if (i & bit) continue;
    const j = i | bit;
    const ar = re[i]!;
    const ai = im[i]!;
    const br = re[j]!;
    const bi = im[j]!;
    p0 += ar * ar + ai * ai;
    p1 += br * br + bi * bi;
    // ρ01 = Σ a_i · conj(a_j)
    cr += ar * br + ai * bi;
    ci += ai * br - ar * bi;
  }
  return [p0, p1, cr, ci];
}

/** Bloch vector [x, y, z] of one qubit's reduced state (length 1 when it is not entangled). */
export function blochVector(state: StateVector, qubit: number): [number, number, number] {
  checkQubit(state, qubit);
  const [p0, p1, cr, ci] = reducedQubit(state, qubit);
  return [2 * cr, -2 * ci, p0 - p1];
}

function entropyBits(eigenvalues: readonly number[]): number {
  let h = 0;
  for (const p of eigenvalues) if (p > 1e-15) h -= p * Math.log2(p);
  return Math.max(0, h);
}

/** Largest subsystem (the smaller side of the cut) whose spectrum is computed exactly. */
export const MAX_ENTROPY_QUBITS = 6;

/**
 * Von Neumann entropy, in bits, of the reduced state of `qubits` (0 for a product state, 1 for
 * one half of a Bell pair). The smaller side of the cut must have at most
 * `MAX_ENTROPY_QUBITS` qubits.
 */
export function entanglementEntropy(state: StateVector, qubits: readonly number[]): number {
  for (const q of qubits) checkQubit(state, q);
  const subset = [...new Set(qubits)];
  const n = state.numQubits;
  if (subset.length === 0 || subset.length === n) return 0;
  const inside = new Set(subset);
  const side =
    subset.length <= n - subset.length
      ? subset
      : [...Array(n).keys()].filter((q) => !inside.has(q));
  if (side.length === 1) {
    const [p0, p1, cr, ci] = reducedQubit(state, side[0]!);
    const mean = (p0 + p1) / 2;
    const radius = Math.sqrt(((p0 - p1) / 2) ** 2 + cr * cr + ci * ci);
    return entropyBits([mean + radius, mean - radius]);
  }
  if (side.length > MAX_ENTROPY_QUBITS) {
    throw new RangeError(
      `entanglementEntropy handles cuts whose smaller side has at most ${MAX_ENTROPY_QUBITS} qubits`,
    );
  }
  return entropyBits(hermitianEigenvalues(reducedDensity(state, side), 1 << side.length));
}

/** ρ_A as a real symmetric 2d×2d matrix [[Re, −Im], [Im, Re]] (each eigenvalue appears twice). */
function reducedDensity(state: StateVector, side: readonly number[]): Float64Array {
  const { re, im } = state;
  const d = 1 << side.length;
  const sideMask = side.reduce((m, q) => m | (1 << q), 0);
  const rest: number[] = [];
  for (let q = 0; q < state.numQubits; q++) if (!(sideMask & (1 << q))) rest.push(q);
  const spread = (bits: number, positions: readonly number[]): number =>
    positions.reduce((acc, q, k) => acc | (((bits >> k) & 1) << q), 0);
  const sideIndex = Array.from({ length: d }, (_, a) => spread(a, side));
  const rho = new Float64Array(4 * d * d);
  const m = 2 * d;
  for (let b = 0; b < 1 << rest.length; b++) {
    const base = spread(b, rest);
    for (let a = 0; a < d; a++) {
      const i = base | sideIndex[a]!;
      for (let a2 = 0; a2 < d; a2++) {
        const j = base | sideIndex[a2]!;
        // ρ[a][a2] += ψ_i · conj(ψ_j)
        const r = re[i]! * re[j]! + im[i]! * im[j]!;
        const c = im[i]! * re[j]! - re[i]! * im[j]!;
        const top = a * m + a2;
        const bottom = (a + d) * m + a2;
        rho[top] = rho[top]! + r;
        rho[bottom + d] = rho[bottom + d]! + r;
        rho[bottom] = rho[bottom]! + c;
        rho[top + d] = rho[top + d]! - c;
      }
    }
  }
  return rho;
}

/** Eigenvalues of the Hermitian matrix embedded as a real symmetric 2d×2d one (cyclic Jacobi). */
function hermitianEigenvalues(a: Float64Array, d: number): number[] {
  const m = 2 * d;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += a[p * m + q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * m + q]! - a[p * m + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = a[k * m + p]!;
          const akq = a[k * m + q]!;
          a[k * m + p] = c * akp - s * akq;
          a[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p * m + k]!;
          const aqk = a[q * m + k]!;
          a[p * m + k] = c * apk - s * aqk;
          a[q * m + k] = s * apk + c * aqk;
        }
      }
    }
  }
  const diagonal = Array.from({ length: m }, (_, k) => a[k * m + k]!).sort((x, y) => y - x);
  // Each eigenvalue of the Hermitian matrix appears twice in its real embedding.
  return diagonal.filter((_, k) => k % 2 === 0);
}
