import type { Circuit } from './circuit.ts';
import { compileCircuit, type GateStep } from './engine/compile.ts';
import { flipQubit, measureQubit } from './engine/collapse.ts';
import { createJsBackend } from './engine/execute.ts';
import { createWasmBackend } from './engine/wasm.ts';
import { DEFAULT_TILE_QUBITS, MAX_GATE_QUBITS, planPasses, type Pass } from './engine/schedule.ts';
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
  /** Qubits per cache block (tuning knob for benchmarks; default 14, i.e. 256 KiB blocks). */
  tileQubits?: number;
  /** Kernels to use: WebAssembly SIMD when the runtime allows it (default), or plain JS. */
  backend?: 'wasm' | 'js';
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
  /** The kernels that ran: 'wasm' (SIMD) or 'js' (no WebAssembly, or a CSP forbidding it). */
  backend: 'wasm' | 'js';
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
  const n = circuit.numQubits;
  const tileQubits = Math.min(
    n,
    Math.max(MAX_GATE_QUBITS, options.tileQubits ?? DEFAULT_TILE_QUBITS),
  );
  // Plan every unitary run up front so progress can be reported as a fraction of all passes.
  type Segment = { passes: Pass[] } | Exclude<(typeof steps)[number], GateStep>;
  const segments: Segment[] = [];
  let gates: GateStep[] = [];
  let total = 0;
  const flush = (): void => {
    if (gates.length === 0) return;
    const passes = planPasses(gates, n, tileQubits);
    segments.push({ passes });
    total += passes.length;
    gates = [];
  };
  for (const step of steps) {
    if (step.type === 'gate') {
      gates.push(step);
    } else {
      flush();
      segments.push(step);
      total += 1;
    }
  }
  flush();

  const maxGates = segments.reduce(
    (max, s) => ('passes' in s ? Math.max(max, ...s.passes.map((p) => p.count)) : max),
    0,
  );
  const backend =
    (options.backend !== 'js' ? createWasmBackend(n, tileQubits, maxGates) : null) ??
    createJsBackend(n, tileQubits);
  const { re, im } = backend;
  re[0] = 1;
  const random = createRandom(options.seed ?? 0);
  const outcomes: MeasurementOutcome[] = [];
  let done = 0;
  let passes = 0;
  const progress = (): void => {
    done++;
    options.onProgress?.(done / total);
  };
  for (const segment of segments) {
    if ('passes' in segment) {
      for (const pass of segment.passes) {
        throwIfAborted(options.signal);
        backend.runPass(pass);
        passes++;
        progress();
      }
      continue;
    }
    throwIfAborted(options.signal);
    const value = measureQubit(re, im, segment.qubit, random);
    passes += 2;
    if (segment.type === 'measure') {
      outcomes.push({
        operation: segment.operation,
        qubit: segment.qubit,
        clbit: segment.clbit,
        value,
      });
    } else if (value === 1) {
      flipQubit(re, im, segment.qubit);
      passes++;
    }
    progress();
  }
  if (total === 0) options.onProgress?.(1);
  return { numQubits: n, ...backend.result(), outcomes, passes, backend: backend.kind };
}
