/**
 * Running the simulator in a Web Worker: `serveSimulator(self)` inside the worker,
 * `createSimulatorClient(() => new Worker(…))` on the page. Results come back with their
 * arrays transferred, not copied, and large circuits report progress as they run.
 */
import { validateCircuit, type Circuit } from './circuit.ts';
import { QasmError } from './qasm/error.ts';
import { simulate, type MeasurementOutcome } from './simulate.ts';
import { blochVector, probabilities, sample } from './state.ts';

export interface SimulationRequest {
  circuit: Circuit;
  /** Shots to sample from the final state (0 for none). */
  shots?: number;
  /** Seed for shots and mid-circuit measurements (default 0). */
  seed?: number;
}

export interface SimulationResponse {
  numQubits: number;
  re: Float64Array;
  im: Float64Array;
  probabilities: Float64Array;
  /** Shot counts keyed q[n-1]…q[0]. */
  counts: Record<string, number>;
  /** Bloch vector [x, y, z] of each qubit. */
  bloch: [number, number, number][];
  /**
   * Entanglement of each qubit with the rest: the von Neumann entropy of its reduced state, in
   * bits (0 = not entangled, 1 = maximally), computed from its Bloch vector (the state is pure).
   */
  entanglement: number[];
  outcomes: MeasurementOutcome[];
  passes: number;
  backend: 'wasm' | 'js';
  durationMs: number;
}

/** Errors cross the worker boundary as plain data. */
export interface SimulationFailure {
  name: string;
  message: string;
  line?: number;
  column?: number;
}

export type ToWorker = { type: 'run'; id: number; request: SimulationRequest };
export type FromWorker =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; result: SimulationResponse }
  | { type: 'error'; id: number; error: SimulationFailure };

/** What `serveSimulator` needs of a worker's global scope (`self` in a module worker). */
export interface WorkerScopeLike {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: FromWorker, transfer: ArrayBuffer[]): void;
}

/** What the client needs of a `Worker`. */
export interface WorkerLike {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  postMessage(message: ToWorker): void;
  terminate(): void;
}

/** Entropy in bits of a qubit whose Bloch vector has length r (of a pure global state). */
function entropyFromBloch(r: number): number {
  const p = Math.min(1, Math.max(0, (1 + r) / 2));
  const q = 1 - p;
  return Math.max(0, (p > 1e-15 ? -p * Math.log2(p) : 0) - (q > 1e-15 ? q * Math.log2(q) : 0));
}

/** A copy in a buffer of its own (the state may live in a WebAssembly memory, which cannot move). */
function owned(array: Float64Array): Float64Array {
  return array.byteOffset === 0 && array.byteLength === array.buffer.byteLength
    ? array
    : array.slice();
}

function isRunMessage(data: unknown): data is ToWorker {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'run';
}

/** Answers `run` messages in a worker: one simulation at a time, progress as it goes. */
export function serveSimulator(scope: WorkerScopeLike): void {
  scope.addEventListener('message', (event) => {
    if (!isRunMessage(event.data)) return;
    const { id, request } = event.data;
    try {
      validateCircuit(request.circuit);
      const started = performance.now();
      let reported = 0;
      const state = simulate(request.circuit, {
        seed: request.seed ?? 0,
        onProgress: (fraction) => {
          // At most ~100 messages per run.
          if (fraction - reported >= 0.01 || fraction === 1) {
            reported = fraction;
            scope.postMessage({ type: 'progress', id, fraction }, []);
          }
        },
      });
      const bloch = Array.from({ length: state.numQubits }, (_, q) => blochVector(state, q));
      const result: SimulationResponse = {
        numQubits: state.numQubits,
        re: owned(state.re),
        im: owned(state.im),
        probabilities: probabilities(state),
        counts: request.shots ? sample(state, request.shots, request.seed ?? 0) : {},
        bloch,
        entanglement: bloch.map(([x, y, z]) => entropyFromBloch(Math.hypot(x, y, z))),
        outcomes: state.outcomes,
        passes: state.passes,
        backend: state.backend,
        durationMs: performance.now() - started,
      };
      scope.postMessage({ type: 'result', id, result }, [
        result.re.buffer as ArrayBuffer,
        result.im.buffer as ArrayBuffer,
        result.probabilities.buffer as ArrayBuffer,
      ]);
    } catch (error) {
      const failure: SimulationFailure =
        error instanceof Error
          ? { name: error.name, message: error.message }
          : { name: 'Error', message: String(error) };
      if (error instanceof QasmError)
        Object.assign(failure, { line: error.line, column: error.column });
      scope.postMessage({ type: 'error', id, error: failure }, []);
    }
  });
}

/** Thrown by the client for a failed run; carries the worker's error name (and QASM position). */
export class SimulationError extends Error {
  constructor(readonly failure: SimulationFailure) {
    super(failure.message);
    this.name = failure.name;
  }
}

export interface RunOptions {
  onProgress?: (fraction: number) => void;
  /** Aborting rejects the run at once; with a worker factory the busy worker is also stopped. */
  signal?: AbortSignalLike;
}

interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void): void;
}

export interface SimulatorClient {
  run(request: SimulationRequest, options?: RunOptions): Promise<SimulationResponse>;
  /** Stops the worker; pending runs are rejected. */
  terminate(): void;
}

function isFromWorker(data: unknown): data is FromWorker {
  return (
    typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'number'
  );
}

/**
 * A typed client for a worker running `serveSimulator`. Pass a factory (`() => new Worker(url,
 * { type: 'module' })`) so that cancelling can stop a long run by replacing the worker.
 */
export function createSimulatorClient(worker: WorkerLike | (() => WorkerLike)): SimulatorClient {
  const factory = typeof worker === 'function' ? worker : undefined;
  let nextId = 1;
  const pending = new Map<
    number,
    {
      resolve: (r: SimulationResponse) => void;
      reject: (e: Error) => void;
      onProgress?: (f: number) => void;
    }
  >();

  const rejectAll = (error: Error): void => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };

  const wire = (target: WorkerLike): WorkerLike => {
    target.addEventListener('message', (event) => {
      if (!isFromWorker(event.data)) return;
      const message = event.data;
      const entry = pending.get(message.id);
      if (!entry) return;
      if (message.type === 'progress') {
        entry.onProgress?.(message.fraction);
        return;
      }
      pending.delete(message.id);
      if (message.type === 'result') entry.resolve(message.result);
      else entry.reject(new SimulationError(message.error));
    });
    target.addEventListener('error', (event) => {
      rejectAll(new Error(`The simulator worker failed: ${event.message ?? 'unknown error'}`));
    });
    return target;
  };

  let current: WorkerLike | undefined = typeof worker === 'function' ? undefined : wire(worker);
  const connect = (): WorkerLike => {
    if (current) return current;
    if (!factory) throw new Error('The simulator worker was terminated');
    current = wire(factory());
    return current;
  };

  return {
    run(request, options = {}) {
      return new Promise<SimulationResponse>((resolve, reject) => {
        const { signal } = options;
        if (signal?.aborted) {
          reject(
            signal.reason instanceof Error
              ? signal.reason
              : new Error('The simulation was cancelled'),
          );
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve, reject, onProgress: options.onProgress });
        signal?.addEventListener('abort', () => {
          if (!pending.has(id)) return;
          pending.delete(id);
          reject(
            signal.reason instanceof Error
              ? signal.reason
              : new Error('The simulation was cancelled'),
          );
          if (factory && current) {
            current.terminate();
            current = undefined;
            rejectAll(new Error('The simulation was cancelled'));
          }
        });
        connect().postMessage({ type: 'run', id, request });
      });
    },
    terminate() {
      current?.terminate();
      current = undefined;
      rejectAll(new Error('The simulator worker was terminated'));
    },
  };
}
