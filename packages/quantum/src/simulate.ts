import type { Circuit } from './circuit.ts';
import { compileCircuit, type GateStep } from './engine/compile.ts';
import { flipQubit, measureQubit } from './engine/collapse.ts';
import { applyStepsReference } from './engine/reference.ts';
import { createRandom } from './random.ts';
import type { StateVector } from './state.ts';

/** The part of `AbortSignal` the simulator reads (so the package needs no DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export interface SimulateOptions {
  /** Called after each pass over the state with the fraction of passes done (0 < f ≤ 1). */
  onProgress?: (fraction: number) => void;
  /** Checked between passes; an aborted signal stops the run with its reason. */
  signal?: AbortSignalLike;
  /** Seed for mid-circuit measurements and resets (default 0): same seed, same outcomes. */
  seed?: number;
}

/** The outcome of a measurement that a later operation depends on. */
export interface MeasurementOutcome {
  /** Index of the `measure` in `circuit.operations`. */
  operation: number;
  qubit: number;
  clbit: number;
  value: 0 | 1;
}

export interface SimulationResult extends StateVector {
  /** Sampled outcomes of mid-circuit measurements, in circuit order (empty when all are final). */
  outcomes: MeasurementOutcome[];
  /** How many times the whole state was read and written (the memory traffic of the run). */
  passes: number;
}

function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (!signal?.aborted) return;
  throw signal.reason instanceof Error ? signal.reason : new Error('The simulation was cancelled');
}

/**
 * Runs a circuit from |0…0⟩ and returns the exact final state before the final measurements
 * (qubit 0 = least significant bit of the basis index). Measurements followed by other
 * operations on their qubit, and resets, are sampled with `options.seed`.
 */
export function simulate(circuit: Circuit, options: SimulateOptions = {}): SimulationResult {
  const steps = compileCircuit(circuit);
  const size = 2 ** circuit.numQubits;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  re[0] = 1;
  const random = createRandom(options.seed ?? 0);
  const outcomes: MeasurementOutcome[] = [];
  let passes = 0;
  let gates: GateStep[] = [];
  const flush = (): void => {
    throwIfAborted(options.signal);
    applyStepsReference(re, im, gates);
    passes += gates.length;
    gates = [];
  };
  for (const step of steps) {
    if (step.type === 'gate') {
      gates.push(step);
      continue;
    }
    flush();
    const value = measureQubit(re, im, step.qubit, random);
    passes += 2;
    if (step.type === 'measure') {
      outcomes.push({ operation: step.operation, qubit: step.qubit, clbit: step.clbit, value });
    } else if (value === 1) {
      flipQubit(re, im, step.qubit);
      passes++;
    }
  }
  flush();
  options.onProgress?.(1);
  return { numQubits: circuit.numQubits, re, im, outcomes, passes };
}
