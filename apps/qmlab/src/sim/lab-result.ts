// Everything the lab shows about a circuit, computed from one simulation. Runs in the worker
// (pure, no DOM); the page only renders it.
import {
  blochVector,
  type Circuit,
  probabilities,
  sample,
  simulate,
  type StateVector,
} from '@alawein/quantum';
import {
  basisLabel,
  countNonzero,
  gateCount,
  LIMITS,
  type StateProbability,
  topProbabilities,
} from '@alawein/qmlab-domain';

export interface AmplitudeRow {
  index: number;
  state: string;
  re: number;
  im: number;
  probability: number;
  /** Argument of the amplitude in radians, in (−π, π]. */
  phase: number;
}

export interface QubitSummary {
  qubit: number;
  bloch: [number, number, number];
  /** Von Neumann entropy of the qubit's reduced state, in bits (0 = not entangled). */
  entropy: number;
}

export interface LabResult {
  numQubits: number;
  gateCount: number;
  /** States for the histogram: every basis state up to 4 qubits, else the most likely ones. */
  histogram: StateProbability[];
  /** The most likely nonzero states, as a run records them. */
  top: StateProbability[];
  amplitudes: AmplitudeRow[];
  /** False when `amplitudes` lists only the most likely states. */
  amplitudesComplete: boolean;
  nonzeroStates: number;
  shots: number;
  counts: Record<string, number>;
  qubits: QubitSummary[];
  durationMs: number;
  passes: number;
}

export type Progress = { phase: 'simulating' | 'analysing'; fraction: number };

/** Every basis state is listed up to this many qubits; above, the most likely ones. */
const ALL_STATES_QUBITS = 6;
const AMPLITUDE_ROWS = 1024;
const HISTOGRAM_BARS = 32;
/** Entropy below this (bits) is rounding noise of a product state. */
export const ENTANGLED_BITS = 1e-6;

/** Binary entropy of the eigenvalues (1 ± |r|)/2 of a qubit's reduced state with Bloch vector r. */
export function entropyFromBloch([x, y, z]: readonly [number, number, number]): number {
  const r = Math.min(1, Math.hypot(x, y, z));
  let bits = 0;
  for (const p of [(1 + r) / 2, (1 - r) / 2]) if (p > 1e-15) bits -= p * Math.log2(p);
  return bits;
}

function amplitudeRows(state: StateVector, probs: Float64Array): AmplitudeRow[] {
  const n = state.numQubits;
  const indices =
    n <= ALL_STATES_QUBITS
      ? Array.from({ length: probs.length }, (_, i) => i)
      : topProbabilities(probs, n, AMPLITUDE_ROWS)
          .map((p) => parseInt(p.state, 2))
          .sort((a, b) => a - b);
  return indices.map((index) => {
    const re = state.re[index]!;
    const im = state.im[index]!;
    return {
      index,
      state: basisLabel(index, n),
      re,
      im,
      probability: probs[index]!,
      phase: Math.atan2(im, re),
    };
  });
}

/** Simulates `circuit` and summarises it for the lab; `onProgress` gets fractions in [0, 1]. */
export function computeLabResult(
  circuit: Circuit,
  shots: number,
  seed: number,
  onProgress: (progress: Progress) => void = () => {},
): LabResult {
  const started = performance.now();
  const state = simulate(circuit, {
    seed,
    onProgress: (fraction) => onProgress({ phase: 'simulating', fraction }),
  });
  const n = state.numQubits;
  const probs = probabilities(state);
  const histogram =
    n <= 4
      ? Array.from(probs, (probability, index) => ({ state: basisLabel(index, n), probability }))
      : topProbabilities(probs, n, HISTOGRAM_BARS);
  const qubits: QubitSummary[] = [];
  // The single-qubit reduced state is fixed by its Bloch vector, so its entropy needs no
  // second pass over the state.
  for (let qubit = 0; qubit < n; qubit++) {
    const bloch = blochVector(state, qubit);
    qubits.push({ qubit, bloch, entropy: entropyFromBloch(bloch) });
    onProgress({ phase: 'analysing', fraction: (qubit + 1) / n });
  }
  return {
    numQubits: n,
    gateCount: gateCount(circuit),
    histogram,
    top: topProbabilities(probs, n, LIMITS.topStates),
    amplitudes: amplitudeRows(state, probs),
    amplitudesComplete: n <= ALL_STATES_QUBITS,
    nonzeroStates: countNonzero(probs),
    shots,
    counts: sample(state, shots, seed),
    qubits,
    durationMs: performance.now() - started,
    passes: state.passes,
  };
}
