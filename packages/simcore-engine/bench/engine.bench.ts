// Engine speed figures (not a test): `pnpm --filter @alawein/simcore-engine bench`.
// Prints wall-clock and CPU-time rates; on a shared machine the CPU-time rate is the fairer one.
import { loadavg } from 'node:os';
import { IsingLattice } from '../src/modules/ising.ts';
import { SplitOperator, tunnelingSchema } from '../src/modules/tunneling.ts';
import { ising, parseParams } from '../src/index.ts';
import { serveSimulations, type HostScope, type SimulationEvent } from '../src/worker.ts';

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function time(run: () => void): Timing {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const fmt = (x: number, digits = 1): string => x.toFixed(digits);
const rate = (units: number, ms: number): number => units / (ms / 1000);

/** The straightforward baseline: one Int8 spin per site, Math.random and Math.exp for every flip. */
function straightforwardIsing(L: number, temperature: number, sweeps: number): void {
  const s = new Int8Array(L * L).fill(1);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let y = 0; y < L; y++) {
      for (let x = 0; x < L; x++) {
        const i = y * L + x;
        const sum =
          s[((y + L - 1) % L) * L + x]! +
          s[((y + 1) % L) * L + x]! +
          s[y * L + ((x + L - 1) % L)]! +
          s[y * L + ((x + 1) % L)]!;
        const dE = 2 * s[i]! * sum;
        if (dE <= 0 || Math.random() < Math.exp(-dE / temperature)) s[i] = -s[i]!;
      }
    }
  }
}

function benchIsing(): void {
  const L = 256;
  const T = 2.269;
  const baselineSweeps = 20;
  straightforwardIsing(L, T, 2);
  const base = time(() => straightforwardIsing(L, T, baselineSweeps));
  const baseUpdates = baselineSweeps * L * L;

  const lattice = new IsingLattice({
    size: L,
    temperature: T,
    field: 0,
    seed: 1,
    initialState: 'random',
  });
  for (let i = 0; i < 5; i++) lattice.sweep();
  const sweeps = 100;
  const engine = time(() => {
    for (let i = 0; i < sweeps; i++) lattice.sweep();
  });
  const engineUpdates = sweeps * L * L * 32;
  const up = new Float64Array(32);
  const anti = new Float64Array(32);
  const measure = time(() => {
    for (let i = 0; i < sweeps; i++) lattice.measure(up, anti);
  });

  console.log(`Ising, L = ${L}, T = ${T}, single thread`);
  console.log(
    `  straightforward (Int8Array, Math.random + Math.exp per flip): ${fmt(rate(baseUpdates, base.wallMs) / 1e6)} M updates/s wall, ${fmt(rate(baseUpdates, base.cpuMs) / 1e6)} M/s CPU`,
  );
  console.log(
    `  engine sweep (32 replicas per word, bitwise Metropolis):      ${fmt(rate(engineUpdates, engine.wallMs) / 1e6)} M updates/s wall, ${fmt(rate(engineUpdates, engine.cpuMs) / 1e6)} M/s CPU`,
  );
  console.log(
    `  ratio engine / straightforward: ${fmt(rate(engineUpdates, engine.wallMs) / rate(baseUpdates, base.wallMs))}× wall, ${fmt(rate(engineUpdates, engine.cpuMs) / rate(baseUpdates, base.cpuMs))}× CPU`,
  );
  const frames = 200;
  const frameCost = time(() => {
    for (let i = 0; i < frames; i++) lattice.replicaSpins(0);
  });
  console.log(
    `  building one field-view frame (256×256 Uint8Array of replica 0): ${fmt((frameCost.cpuMs / frames) * 1000, 0)} µs CPU`,
  );
  console.log(
    `  measurement (|m|, E of all 32 replicas): ${fmt(measure.cpuMs / sweeps, 2)} ms CPU per sweep vs ${fmt(engine.cpuMs / sweeps, 2)} ms CPU per update sweep`,
  );
}

async function benchIsingRun(): Promise<void> {
  const L = 256;
  const sweeps = 200;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await ising.simulate({ size: L, temperature: 2.269, sweeps, equilibrationSweeps: 0 });
  const cpu = process.cpuUsage(cpu0);
  const result: Timing = { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
  const updates = sweeps * L * L * 32;
  console.log(
    `  full ising.simulate (sweep + measurement every sweep, table set-up): ${fmt(rate(updates, result.wallMs) / 1e6)} M updates/s wall, ${fmt(rate(updates, result.cpuMs) / 1e6)} M/s CPU`,
  );
}

function benchSplitOperator(): void {
  const params = parseParams(tunnelingSchema, { gridPoints: 4096, length: 256 });
  const solver = new SplitOperator(params);
  for (let i = 0; i < 50; i++) solver.step();
  const steps = 2000;
  const t = time(() => {
    for (let i = 0; i < steps; i++) solver.step();
  });
  console.log('Split-operator step (fft.js radix-4, 2 FFTs + 3 complex multiplies), 4096 points');
  console.log(
    `  ${fmt(rate(steps, t.wallMs), 0)} steps/s wall, ${fmt(rate(steps, t.cpuMs), 0)} steps/s CPU (${fmt((t.cpuMs / steps) * 1000, 1)} µs CPU per step)`,
  );
}

/** Drives the worker host with a fake scope and counts what it posts. */
async function benchFrames(
  moduleId: string,
  params: Record<string, unknown>,
  frameIntervalMs: number,
): Promise<void> {
  const posted: { message: SimulationEvent; bytes: number; transferred: number }[] = [];
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const scope: HostScope = {
    onmessage: null,
    postMessage(message, transfer = []) {
      let bytes = 0;
      if (message.type === 'frame' && message.frame && typeof message.frame === 'object') {
        for (const v of Object.values(message.frame))
          if (ArrayBuffer.isView(v)) bytes += v.byteLength;
      }
      const transferred = transfer.reduce<number>(
        (s, b) => s + (b instanceof ArrayBuffer ? b.byteLength : 0),
        0,
      );
      posted.push({ message, bytes, transferred });
      if (message.type === 'done' || message.type === 'error') finish();
    },
  };
  serveSimulations(scope);
  const t0 = performance.now();
  scope.onmessage?.({ data: { type: 'start', runId: 'bench', moduleId, params, frameIntervalMs } });
  await finished;
  const seconds = (performance.now() - t0) / 1000;
  const frames = posted.filter((p) => p.message.type === 'frame');
  const bytes = frames.reduce((s, f) => s + f.bytes, 0) / Math.max(1, frames.length);
  const transferredAll = frames.every((f) => f.transferred === f.bytes);
  console.log(
    `  ${moduleId}: throttle ${frameIntervalMs} ms → ${fmt(frames.length / seconds)} frames/s over ${fmt(seconds, 2)} s, ${fmt(bytes / 1024)} KiB per frame, ${transferredAll ? 'all typed arrays transferred (0 copies on postMessage)' : 'SOME FRAMES NOT TRANSFERRED'}`,
  );
}

const [load1, load5] = loadavg();
console.log(
  `load average ${fmt(load1!, 2)} (1 min), ${fmt(load5!, 2)} (5 min) on 2 cores; Node ${process.version}\n`,
);
benchIsing();
await benchIsingRun();
console.log('');
benchSplitOperator();
console.log('\nFrame stream through the worker host (fake scope in Node)');
await benchFrames('ising', { size: 256, sweeps: 400, equilibrationSweeps: 0 }, 16);
await benchFrames('tunneling', { gridPoints: 4096, steps: 4000 }, 16);
await benchFrames('brownian', { particles: 20000, steps: 400 }, 16);
const [after1] = loadavg();
console.log(`\nload average at the end ${fmt(after1!, 2)}`);
