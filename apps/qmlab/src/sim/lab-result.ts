// What the lab shows about a circuit, summarised from the simulator worker's answer: the
// histogram, the amplitude rows and the per-qubit Bloch vectors and entanglement.
import type { Circuit } from '@alawein/quantum';
import type { SimulationResponse } from '@alawein/quantum/worker';
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
  backend: SimulationResponse['backend'];
}

/** Every basis state is listed up to this many qubits; above, the most likely ones. */
const ALL_STATES_QUBITS = 6;
const AMPLITUDE_ROWS = 1024;
const HISTOGRAM_BARS = 32;
/** Entropy below this (bits) is rounding noise of a product state. */
export const ENTANGLED_BITS = 1e-6;

function amplitudeRows(response: SimulationResponse): AmplitudeRow[] {
  const { numQubits: n, probabilities: probs, re, im } = response;
  const indices =
    n <= ALL_STATES_QUBITS
      ? Array.from({ length: probs.length }, (_, i) => i)
      : topProbabilities(probs, n, AMPLITUDE_ROWS)
          .map((p) => parseInt(p.state, 2))
          .sort((a, b) => a - b);
  return indices.map((index) => ({
    index,
    state: basisLabel(index, n),
    re: re[index]!,
    im: im[index]!,
    probability: probs[index]!,
    phase: Math.atan2(im[index]!, re[index]!),
  }));
}

/** The lab's view of one simulation of `circuit` with `shots` shots. */
export function summarise(
  circuit: Circuit,
  shots: number,
  response: SimulationResponse,
): LabResult {
  const { numQubits: n, probabilities: probs } = response;
  return {
    numQubits: n,
    gateCount: gateCount(circuit),
    histogram:
      n <= 4
        ? Array.from(probs, (probability, index) => ({ state: basisLabel(index, n), probability }))
        : topProbabilities(probs, n, HISTOGRAM_BARS),
    top: topProbabilities(probs, n, LIMITS.topStates),
    amplitudes: amplitudeRows(response),
    amplitudesComplete: n <= ALL_STATES_QUBITS,
    nonzeroStates: countNonzero(probs),
    shots,
    counts: response.counts,
    qubits: response.bloch.map((bloch, qubit) => ({
      qubit,
      bloch,
      entropy: response.entanglement[qubit] ?? 0,
    })),
    durationMs: response.durationMs,
    passes: response.passes,
    backend: response.backend,
  };
}
