// Runs the circuit in the simulator worker whenever it changes (debounced). A change while a run
// is still going aborts it: the client stops the busy worker and starts a fresh one, so the
// newest circuit always wins and the page never waits.
import type { Circuit } from '@alawein/quantum';
import { createSimulatorClient, type SimulatorClient } from '@alawein/quantum/worker';
import { useEffect, useRef, useState } from 'react';
import { type LabResult, summarise } from './lab-result.ts';

export type SimulationState =
  | { status: 'idle' }
  | { status: 'running'; progress: number | null; previous: LabResult | null }
  | { status: 'done'; result: LabResult }
  | { status: 'error'; message: string; previous: LabResult | null };

const DEBOUNCE_MS = 150;
/** Progress updates at most this often: a smooth bar without a render per pass. */
const PROGRESS_INTERVAL_MS = 50;

function startWorker(): Worker {
  return new Worker(new URL('./lab.worker.ts', import.meta.url), {
    type: 'module',
    name: 'qmlab-simulator',
  });
}

function previousOf(state: SimulationState): LabResult | null {
  if (state.status === 'done') return state.result;
  if (state.status === 'running' || state.status === 'error') return state.previous;
  return null;
}

/** The lab result for `circuit` with `shots` (null circuit: nothing to run). */
export function useSimulation(circuit: Circuit | null, shots: number, seed = 1): SimulationState {
  const [state, setState] = useState<SimulationState>({ status: 'idle' });
  const client = useRef<SimulatorClient | null>(null);

  useEffect(
    () => () => {
      client.current?.terminate();
      client.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!circuit) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      client.current ??= createSimulatorClient(startWorker);
      setState((s) => ({ status: 'running', progress: null, previous: previousOf(s) }));
      let lastProgress = 0;
      client.current
        .run(
          { circuit, shots, seed },
          {
            signal: controller.signal,
            onProgress: (fraction) => {
              const now = performance.now();
              if (now - lastProgress < PROGRESS_INTERVAL_MS && fraction < 1) return;
              lastProgress = now;
              setState((s) => (s.status === 'running' ? { ...s, progress: fraction } : s));
            },
          },
        )
        .then(
          (response) => {
            if (!controller.signal.aborted)
              setState({ status: 'done', result: summarise(circuit, shots, response) });
          },
          (error: unknown) => {
            if (controller.signal.aborted) return;
            setState((s) => ({
              status: 'error',
              message: error instanceof Error ? error.message : String(error),
              previous: previousOf(s),
            }));
          },
        );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [circuit, shots, seed]);

  return state;
}
