import { modules, type ModuleId } from './registry.ts';
import { ParamsError, PauseController } from './runtime.ts';
import type { Progress, Series, SimulationModule } from './types.ts';

// A typed message protocol between the main thread and a simulation worker. DOM-free: the host
// needs only `postMessage` and `onmessage` on its scope, the client only the same on a Worker.

/** Main thread → worker. */
export type SimulationCommand =
  | {
      type: 'start';
      runId: string;
      moduleId: ModuleId | (string & {});
      params: Record<string, unknown>;
      frameIntervalMs?: number;
    }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'stop'; runId: string };

/** Worker → main thread. */
export type SimulationEvent =
  | { type: 'progress'; runId: string; fraction: number; etaMs: number }
  | { type: 'frame'; runId: string; frame: unknown }
  | {
      type: 'done';
      runId: string;
      summary: Record<string, number>;
      series: Series;
      elapsedMs: number;
    }
  | { type: 'error'; runId: string; message: string; field?: string }
  | { type: 'paused'; runId: string }
  | { type: 'resumed'; runId: string }
  | { type: 'stopped'; runId: string };

/** The part of a worker global scope the host uses. */
export interface HostScope {
  postMessage(message: SimulationEvent, transfer?: Transferable[]): void;
  onmessage: ((event: { data: SimulationCommand }) => void) | null;
}

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(message: SimulationCommand): void;
  onmessage: ((event: { data: SimulationEvent }) => void) | null;
}

interface ActiveRun {
  runId: string;
  abort: AbortController;
  pause: PauseController;
}

/** Buffers of the typed arrays in a frame, to transfer instead of copy. */
export function transferablesOf(frame: unknown): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  if (frame && typeof frame === 'object') {
    for (const value of Object.values(frame)) {
      if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer)
        buffers.push(value.buffer);
    }
  }
  return buffers;
}

/**
 * Serves simulation commands on a worker scope: `serveSimulations(self)` in a Web Worker. One run at
 * a time (one worker per run); a start while a run is active is answered with an error.
 */
export function serveSimulations(scope: HostScope): void {
  let active: ActiveRun | undefined;
  scope.onmessage = (event) => {
    const command = event.data;
    if (command.type !== 'start') {
      if (!active || active.runId !== command.runId) return;
      if (command.type === 'pause' && !active.pause.paused) {
        active.pause.pause();
        scope.postMessage({ type: 'paused', runId: command.runId });
      } else if (command.type === 'resume' && active.pause.paused) {
        active.pause.resume();
        scope.postMessage({ type: 'resumed', runId: command.runId });
      } else if (command.type === 'stop') {
        active.abort.abort();
        active.pause.resume();
      }
      return;
    }
    const { runId } = command;
    if (active) {
      scope.postMessage({
        type: 'error',
        runId,
        message: `a run (${active.runId}) is already active in this worker`,
      });
      return;
    }
    const registry: Partial<Record<string, SimulationModule>> = modules;
    const mod = registry[command.moduleId];
    if (!mod) {
      scope.postMessage({
        type: 'error',
        runId,
        message: `unknown module ${command.moduleId}`,
        field: 'moduleId',
      });
      return;
    }
    const run: ActiveRun = { runId, abort: new AbortController(), pause: new PauseController() };
    active = run;
    const started = performance.now();
    mod
      .simulate(command.params, {
        signal: run.abort.signal,
        pause: run.pause,
        ...(command.frameIntervalMs === undefined
          ? {}
          : { frameIntervalMs: command.frameIntervalMs }),
        onProgress: ({ fraction, etaMs }) =>
          scope.postMessage({ type: 'progress', runId, fraction, etaMs }),
        onFrame: (frame) =>
          scope.postMessage({ type: 'frame', runId, frame }, transferablesOf(frame)),
      })
      .then(
        ({ summary, series }) => {
          active = undefined;
          scope.postMessage({
            type: 'done',
            runId,
            summary,
            series,
            elapsedMs: performance.now() - started,
          });
        },
        (error: unknown) => {
          active = undefined;
          if (run.abort.signal.aborted) scope.postMessage({ type: 'stopped', runId });
          else if (error instanceof ParamsError)
            scope.postMessage({
              type: 'error',
              runId,
              message: error.message,
              ...(error.field ? { field: error.field } : {}),
            });
          else
            scope.postMessage({
              type: 'error',
              runId,
              message: error instanceof Error ? error.message : String(error),
            });
        },
      );
  };
}

/** Callbacks of one run started through the client. */
export interface RunHandlers {
  onProgress?: (progress: Progress) => void;
  onFrame?: (frame: unknown) => void;
  onPaused?: () => void;
  onResumed?: () => void;
}

/** Outcome of a run: done with results, stopped by the user, or failed. */
export type RunOutcome =
  | { status: 'done'; summary: Record<string, number>; series: Series; elapsedMs: number }
  | { status: 'stopped' }
  | { status: 'error'; message: string; field?: string };

/** A run in progress, controlled from the main thread. */
export interface RunHandle {
  runId: string;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Settles when the worker reports done, stopped or error. */
  result: Promise<RunOutcome>;
}

/** Typed main-thread client for a worker that runs `serveSimulations`. */
export interface SimulationClient {
  start(
    moduleId: ModuleId,
    params: Record<string, unknown>,
    handlers?: RunHandlers & { frameIntervalMs?: number },
  ): RunHandle;
}

let runCounter = 0;

/** Wraps a Worker (or anything with its postMessage/onmessage shape) in a typed run API. */
export function createSimulationClient(worker: WorkerLike): SimulationClient {
  const runs = new Map<string, { handlers: RunHandlers; settle: (outcome: RunOutcome) => void }>();
  worker.onmessage = (event) => {
    const message = event.data;
    const run = runs.get(message.runId);
    if (!run) return;
    switch (message.type) {
      case 'progress':
        run.handlers.onProgress?.({ fraction: message.fraction, etaMs: message.etaMs });
        break;
      case 'frame':
        run.handlers.onFrame?.(message.frame);
        break;
      case 'paused':
        run.handlers.onPaused?.();
        break;
      case 'resumed':
        run.handlers.onResumed?.();
        break;
      case 'done':
        runs.delete(message.runId);
        run.settle({
          status: 'done',
          summary: message.summary,
          series: message.series,
          elapsedMs: message.elapsedMs,
        });
        break;
      case 'stopped':
        runs.delete(message.runId);
        run.settle({ status: 'stopped' });
        break;
      case 'error':
        runs.delete(message.runId);
        run.settle({
          status: 'error',
          message: message.message,
          ...(message.field ? { field: message.field } : {}),
        });
        break;
    }
  };
  return {
    start(moduleId, params, handlers = {}) {
      runCounter += 1;
      const runId = `run-${runCounter}-${Date.now().toString(36)}`;
      const result = new Promise<RunOutcome>((settle) => runs.set(runId, { handlers, settle }));
      const { frameIntervalMs } = handlers;
      worker.postMessage({
        type: 'start',
        runId,
        moduleId,
        params,
        ...(frameIntervalMs === undefined ? {} : { frameIntervalMs }),
      });
      return {
        runId,
        result,
        pause: () => worker.postMessage({ type: 'pause', runId }),
        resume: () => worker.postMessage({ type: 'resume', runId }),
        stop: () => worker.postMessage({ type: 'stop', runId }),
      };
    },
  };
}
