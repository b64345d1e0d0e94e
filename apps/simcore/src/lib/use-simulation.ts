// Runs a module in its own Web Worker (one per run) and exposes its state to React: progress with
// time left, the latest live frame, pause/resume/stop, and the outcome. The page never computes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ModuleId } from '@alawein/simcore-engine';
import {
  createSimulationClient,
  type RunHandle,
  type SimulationEvent,
  type WorkerLike,
} from '@alawein/simcore-engine/worker';

export type SimulationPhase = 'idle' | 'running' | 'paused' | 'completed' | 'stopped' | 'failed';

export interface SimulationState {
  phase: SimulationPhase;
  fraction: number;
  etaMs: number;
  frame: unknown;
  summary?: Record<string, number>;
  series?: Record<string, number[]>;
  /** Compute time of the run (the worker's clock), when it ended. */
  elapsedMs?: number;
  error?: { message: string; field?: string };
  /** The params the run was started with. */
  params?: Record<string, unknown>;
}

const IDLE: SimulationState = { phase: 'idle', fraction: 0, etaMs: 0, frame: undefined };

export function useSimulation(moduleId: ModuleId) {
  const [state, setState] = useState<SimulationState>(IDLE);
  const handle = useRef<RunHandle | undefined>(undefined);
  const worker = useRef<Worker | undefined>(undefined);
  const startedAt = useRef(0);

  const dispose = useCallback(() => {
    worker.current?.terminate();
    worker.current = undefined;
    handle.current = undefined;
  }, []);

  useEffect(() => dispose, [dispose]);

  const start = useCallback(
    (params: Record<string, unknown>) => {
      dispose();
      const w = new Worker(new URL('../workers/simulation.worker.ts', import.meta.url), {
        type: 'module',
        name: `simcore-${moduleId}`,
      });
      worker.current = w;
      startedAt.current = performance.now();
      setState({ ...IDLE, phase: 'running', params });
      // The engine's client speaks to a minimal worker shape; a Worker's events carry more.
      const port: WorkerLike = {
        postMessage: (message) => w.postMessage(message),
        onmessage: null,
      };
      w.addEventListener('message', (event: MessageEvent<SimulationEvent>) =>
        port.onmessage?.({ data: event.data }),
      );
      const run = createSimulationClient(port).start(moduleId, params, {
        onProgress: ({ fraction, etaMs }) => setState((s) => ({ ...s, fraction, etaMs })),
        onFrame: (frame) => setState((s) => ({ ...s, frame })),
        onPaused: () => setState((s) => ({ ...s, phase: 'paused' })),
        onResumed: () => setState((s) => ({ ...s, phase: 'running' })),
      });
      handle.current = run;
      void run.result.then((outcome) => {
        if (handle.current !== run) return;
        dispose();
        const elapsedMs = performance.now() - startedAt.current;
        if (outcome.status === 'done') {
          setState((s) => ({
            ...s,
            phase: 'completed',
            fraction: 1,
            etaMs: 0,
            summary: outcome.summary,
            series: outcome.series,
            elapsedMs: outcome.elapsedMs,
          }));
        } else if (outcome.status === 'stopped') {
          setState((s) => ({ ...s, phase: 'stopped', etaMs: 0, elapsedMs }));
        } else {
          setState((s) => ({
            ...s,
            phase: 'failed',
            etaMs: 0,
            error: { message: outcome.message, ...(outcome.field ? { field: outcome.field } : {}) },
          }));
        }
      });
    },
    [dispose, moduleId],
  );

  return {
    state,
    start,
    pause: useCallback(() => handle.current?.pause(), []),
    resume: useCallback(() => handle.current?.resume(), []),
    stop: useCallback(() => handle.current?.stop(), []),
    reset: useCallback(() => {
      dispose();
      setState(IDLE);
    }, [dispose]),
  };
}

/** "about 12 s left", "about 3 min left". */
export function formatTimeLeft(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'finishing';
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `about ${seconds} s left`;
  return `about ${Math.ceil(seconds / 60)} min left`;
}
