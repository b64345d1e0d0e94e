// One simulation per worker: the engine's host answers start/pause/resume/stop from the page.
import {
  serveSimulations,
  type HostScope,
  type SimulationCommand,
} from '@alawein/simcore-engine/worker';

const scope: HostScope = {
  // Frames' typed arrays are transferred, not copied.
  postMessage: (message, transfer = []) => self.postMessage(message, { transfer }),
  onmessage: null,
};
serveSimulations(scope);
self.addEventListener('message', (event: MessageEvent<SimulationCommand>) =>
  scope.onmessage?.({ data: event.data }),
);
