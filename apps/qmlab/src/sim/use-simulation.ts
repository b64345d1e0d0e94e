// Runs the circuit in the worker whenever it changes (debounced). A change while a run is still
// going terminates that worker (a synchronous simulation cannot be interrupted any other way)
// and starts a fresh one, so the newest circuit always wins and the page never waits.
import type { Circuit } from '@alawein/quantum';
import { useEffect, useRef, useState } from 'react';
import type { LabResult, Progress } from './lab-result.ts';
import type { SimulationReply, SimulationRequest } from './protocol.ts';

export type SimulationState =
  | { status: 'idle' }
  | { status: 'running'; progress: Progress | null; previous: LabResult | null }
  | { status: 'done'; result: LabResult }
  | { status: 'error'; message: string; previous: LabResult | null };

const DEBOUNCE_MS = 150;

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
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const requestId = useRef(0);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!circuit) return;
    const id = ++requestId.current;
    const timer = setTimeout(() => {
      if (busy.current && worker.current) {
        worker.current.terminate();
        worker.current = null;
      }
      const current = worker.current ?? startWorker();
      worker.current = current;
      busy.current = true;
      setState((s) => ({ status: 'running', progress: null, previous: previousOf(s) }));
      current.onmessage = (event: MessageEvent<SimulationReply>) => {
        const reply = event.data;
        if (reply.id !== requestId.current) return;
        if (reply.type === 'progress') {
          setState((s) => (s.status === 'running' ? { ...s, progress: reply.progress } : s));
          return;
        }
        busy.current = false;
        setState((s) =>
          reply.type === 'result'
            ? { status: 'done', result: reply.result }
            : { status: 'error', message: reply.message, previous: previousOf(s) },
        );
      };
      current.onerror = (event) => {
        busy.current = false;
        event.preventDefault();
        setState((s) => ({
          status: 'error',
          message: event.message || 'the simulator stopped unexpectedly',
          previous: previousOf(s),
        }));
      };
      const request: SimulationRequest = { id, circuit, shots, seed };
      current.postMessage(request);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [circuit, shots, seed]);

  return state;
}
