// Messages between the lab page and its simulation worker.
import type { Circuit } from '@alawein/quantum';
import type { LabResult, Progress } from './lab-result.ts';

export interface SimulationRequest {
  id: number;
  circuit: Circuit;
  shots: number;
  seed: number;
}

export type SimulationReply =
  | { id: number; type: 'progress'; progress: Progress }
  | { id: number; type: 'result'; result: LabResult }
  | { id: number; type: 'error'; message: string };
