/// <reference types="node" />
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ghzCircuit, randomLayeredCircuit } from './library.ts';
import { parseQasm } from './qasm/parse.ts';
import {
  SimulationError,
  createSimulatorClient,
  serveSimulator,
  type FromWorker,
  type ToWorker,
  type WorkerLike,
  type WorkerScopeLike,
} from './worker.ts';

/** The two ends of a real message channel, shaped as a worker scope and a Worker. */
function channel(): { scope: WorkerScopeLike; worker: WorkerLike; ports: MessagePort[] } {
  const { port1, port2 } = new MessageChannel();
  const scope: WorkerScopeLike = {
    addEventListener: (_type, listener) =>
      port1.on('message', (data: unknown) => listener({ data })),
    postMessage: (message: FromWorker, transfer) => port1.postMessage(message, transfer),
  };
  function addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  function addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  function addEventListener(
    type: string,
    listener: (event: { data: unknown; message?: string }) => void,
  ): void {
    // Errors of a real Worker have no counterpart on a message port.
    if (type === 'message') port2.on('message', (data: unknown) => listener({ data }));
  }
  const worker: WorkerLike = {
    addEventListener,
    postMessage: (message: ToWorker) => port2.postMessage(message),
    terminate: () => port2.close(),
  };
  return { scope, worker, ports: [port1, port2] };
}

describe('worker host and client', () => {
  const open: MessagePort[] = [];
  afterEach(() => {
    for (const port of open.splice(0)) port.close();
  });

  it('returns amplitudes, probabilities, counts, Bloch vectors and entanglement, with progress', async () => {
    const { scope, worker, ports } = channel();
    open.push(...ports);
    serveSimulator(scope);
    const client = createSimulatorClient(worker);
    const fractions: number[] = [];
    const bell = await client.run(
      { circuit: parseQasm('qreg q[2]; h q[0]; cx q[0],q[1];'), shots: 1000, seed: 4 },
      { onProgress: (f) => fractions.push(f) },
    );
    expect(bell.re).toBeInstanceOf(Float64Array);
    expect(Array.from(bell.probabilities).map((p) => Math.round(p * 1e12) / 1e12)).toEqual([
      0.5, 0, 0, 0.5,
    ]);
    expect(Object.keys(bell.counts).sort()).toEqual(['00', '11']);
    expect(bell.entanglement.map((e) => Math.round(e * 1e9) / 1e9)).toEqual([1, 1]);
    expect(bell.bloch[0]!.map((x) => Math.abs(Math.round(x * 1e12)))).toEqual([0, 0, 0]);
    expect(fractions.at(-1)).toBe(1);

    const product = await client.run({ circuit: parseQasm('qreg q[2]; h q[0];') });
    expect(product.entanglement.map((e) => Math.round(e * 1e9))).toEqual([0, 0]);
    expect(product.bloch[0]![0]).toBeCloseTo(1, 12);

    const large = await client.run(
      { circuit: randomLayeredCircuit(12, 5) },
      {
        onProgress: (f) => fractions.push(f),
      },
    );
    expect(large.passes).toBeGreaterThan(0);
    expect(large.re.length).toBe(4096);
  });

  it('reports bad circuits as errors with their name', async () => {
    const { scope, worker, ports } = channel();
    open.push(...ports);
    serveSimulator(scope);
    const client = createSimulatorClient(worker);
    const bad = ghzCircuit(3);
    bad.operations.push({ gate: 'cx', targets: [1] });
    await expect(client.run({ circuit: bad })).rejects.toBeInstanceOf(SimulationError);
    await expect(client.run({ circuit: bad })).rejects.toMatchObject({ name: 'CircuitError' });
  });

  it('cancels: the run rejects at once and a factory-made worker is replaced', async () => {
    const made: MessagePort[] = [];
    const client = createSimulatorClient(() => {
      const { scope, worker, ports } = channel();
      open.push(...ports);
      made.push(ports[1]!);
      serveSimulator(scope);
      return worker;
    });
    const controller = new AbortController();
    const run = client.run({ circuit: ghzCircuit(4) }, { signal: controller.signal });
    controller.abort(new Error('changed the circuit'));
    await expect(run).rejects.toThrow('changed the circuit');
    const next = await client.run({ circuit: ghzCircuit(2) });
    expect(next.probabilities[3]).toBeCloseTo(0.5, 12);
    expect(made).toHaveLength(2);
    client.terminate();
  });
});
