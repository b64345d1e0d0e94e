// The lab's simulation worker: the page never runs the simulator on its own thread.
/// <reference lib="webworker" />
import { computeLabResult } from './lab-result.ts';
import type { SimulationReply, SimulationRequest } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Progress messages at most this often: enough for a smooth bar, few enough to stay cheap. */
const PROGRESS_INTERVAL_MS = 50;

self.onmessage = (event: MessageEvent<SimulationRequest>) => {
  const { id, circuit, shots, seed } = event.data;
  const post = (reply: SimulationReply) => self.postMessage(reply);
  let lastProgress = 0;
  try {
    const result = computeLabResult(circuit, shots, seed, (progress) => {
      const now = performance.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS && progress.fraction < 1) return;
      lastProgress = now;
      post({ id, type: 'progress', progress });
    });
    post({ id, type: 'result', result });
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
