import { describe, expect, it } from 'vitest';
import {
  createSimulationClient,
  serveSimulations,
  type HostScope,
  type SimulationCommand,
  type SimulationEvent,
  type WorkerLike,
} from './worker.ts';

interface Posted {
  message: SimulationEvent;
  transfer: Transferable[];
}

/** A worker scope in Node: records what the host posts, delivers commands like a message port. */
function fakeScope() {
  const posted: Posted[] = [];
  const scope: HostScope = {
    onmessage: null,
    postMessage(message, transfer = []) {
      posted.push({ message, transfer });
    },
  };
  serveSimulations(scope);
  const send = (data: SimulationCommand): void => scope.onmessage?.({ data });
  const waitFor = async (type: SimulationEvent['type']): Promise<SimulationEvent> => {
    for (;;) {
      const found = posted.find((p) => p.message.type === type);
      if (found) return found.message;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { posted, send, waitFor };
}

const longIsing = { size: 64, sweeps: 100000, equilibrationSweeps: 0 };

describe('worker host', () => {
  it('runs a module: progress, frames with their buffers in the transfer list, then done', async () => {
    const { posted, send, waitFor } = fakeScope();
    send({
      type: 'start',
      runId: 'a',
      moduleId: 'ising',
      params: { size: 16, sweeps: 3000 },
      frameIntervalMs: 0,
    });
    const done = await waitFor('done');
    expect(done.type === 'done' && done.summary.meanAbsMagnetization).toBeGreaterThan(0.8);
    const frames = posted.filter((p) => p.message.type === 'frame');
    expect(frames.length).toBeGreaterThan(0);
    for (const { message, transfer } of frames) {
      const frame = message.type === 'frame' ? (message.frame as { spins: Uint8Array }) : undefined;
      expect(frame?.spins).toBeInstanceOf(Uint8Array);
      expect(transfer).toEqual([frame!.spins.buffer]);
    }
    const progress = posted.flatMap((p) =>
      p.message.type === 'progress' ? [p.message.fraction] : [],
    );
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);
  });

  it('pauses (no progress while paused), resumes and stops', async () => {
    const { posted, send, waitFor } = fakeScope();
    send({ type: 'start', runId: 'b', moduleId: 'ising', params: longIsing, frameIntervalMs: 0 });
    await waitFor('progress');
    send({ type: 'pause', runId: 'b' });
    await waitFor('paused');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const countWhilePaused = posted.length;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(posted.length).toBe(countWhilePaused);
    send({ type: 'resume', runId: 'b' });
    await waitFor('resumed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posted.length).toBeGreaterThan(countWhilePaused + 1);
    send({ type: 'stop', runId: 'b' });
    await waitFor('stopped');
    expect(posted.some((p) => p.message.type === 'done')).toBe(false);
  });

  it('stops a paused run', async () => {
    const { send, waitFor } = fakeScope();
    send({
      type: 'start',
      runId: 'c',
      moduleId: 'brownian',
      params: { particles: 100000, steps: 2000 },
    });
    send({ type: 'pause', runId: 'c' });
    await waitFor('paused');
    send({ type: 'stop', runId: 'c' });
    expect(await waitFor('stopped')).toEqual({ type: 'stopped', runId: 'c' });
  });

  it('answers bad params and unknown modules with an error naming the field', async () => {
    const bad = fakeScope();
    bad.send({ type: 'start', runId: 'd', moduleId: 'ising', params: { temperature: -1 } });
    expect(await bad.waitFor('error')).toMatchObject({ runId: 'd', field: 'temperature' });
    const unknown = fakeScope();
    unknown.send({ type: 'start', runId: 'e', moduleId: 'warp-drive', params: {} });
    expect(await unknown.waitFor('error')).toMatchObject({ runId: 'e', field: 'moduleId' });
  });
});

describe('simulation client', () => {
  /** Connects a client and a host through asynchronous delivery, like a real worker. */
  function connected(): WorkerLike {
    const scope: HostScope = {
      onmessage: null,
      postMessage: (message) => setTimeout(() => worker.onmessage?.({ data: message }), 0),
    };
    const worker: WorkerLike = {
      onmessage: null,
      postMessage: (message) => setTimeout(() => scope.onmessage?.({ data: message }), 0),
    };
    serveSimulations(scope);
    return worker;
  }

  it('resolves a run with its results and reports progress', async () => {
    const client = createSimulationClient(connected());
    const fractions: number[] = [];
    const run = client.start(
      'llg',
      { steps: 20000 },
      { onProgress: (p) => fractions.push(p.fraction) },
    );
    const outcome = await run.result;
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.summary.normDrift).toBeLessThan(1e-6);
    expect(fractions.at(-1)).toBe(1);
  });

  it('resolves stopped and error outcomes', async () => {
    const client = createSimulationClient(connected());
    const run = client.start('ising', longIsing);
    await new Promise((resolve) => setTimeout(resolve, 50));
    run.stop();
    expect(await run.result).toEqual({ status: 'stopped' });
    const bad = client.start('graphene', { hopping: 100 });
    expect(await bad.result).toMatchObject({ status: 'error', field: 'hopping' });
  });
});
