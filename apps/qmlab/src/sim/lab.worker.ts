// The lab's simulation worker: the page never runs the simulator on its own thread.
/// <reference lib="webworker" />
import { serveSimulator } from '@alawein/quantum/worker';

serveSimulator(self);
