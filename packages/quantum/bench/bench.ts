/// <reference types="node" />
// The simulator benchmark: `pnpm --filter @alawein/quantum bench [--sizes=10,16,20,24] [--cap=60]
// [--peers-up-to=20] [--circuits=GHZ,QFT,random]`. Prints one table: this simulator (WebAssembly SIMD kernels, and its JS
// fallback), the straightforward one-pass-per-gate simulator as the baseline, and the npm peers
// quantum-circuit and qsharp-lang (each in a child process, stopped at the time cap).
// Times are CPU time (user + system) of the run, so other load on a shared machine inflates them
// less than wall time; the load average is printed with the table.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Circuit } from '../src/circuit.ts';
import { compileCircuit, type GateStep } from '../src/engine/compile.ts';
import { applyStepsReference } from '../src/engine/reference.ts';
import { ghzCircuit, qftCircuit, randomLayeredCircuit } from '../src/library.ts';
import { simulate } from '../src/simulate.ts';

const args = new Map(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [key = '', value = ''] = a.slice(2).split('=');
      return [key, value];
    }),
);
const sizes = (args.get('sizes') ?? '10,16,20,24').split(',').map(Number);
const capSeconds = Number(args.get('cap') ?? 30);
const peersUpTo = Number(args.get('peers-up-to') ?? 20);
const PEERS = ['quantum-circuit', 'qsharp-lang'] as const;

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Best CPU time of `reps` runs (the first run also warms the JIT up). */
function best(reps: number, run: () => void): number {
  let min = Infinity;
  for (let r = 0; r < reps; r++) {
    const start = cpuMs();
    run();
    min = Math.min(min, cpuMs() - start);
  }
  return min;
}

/** CPU milliseconds a still-running child has used (Linux), for the lower bound of a capped run. */
function childCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

interface PeerResult {
  ms: number;
  capped: boolean;
}

/**
 * Runs a peer in a child process. The cap is on the child's CPU time (polled from /proc), so a
 * busy machine slows a capped run down but does not shrink its lower bound; a wall-clock limit of
 * ten times the cap is the safety net.
 */
function runPeer(peer: string, file: string): Promise<PeerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [new URL('peer.mjs', import.meta.url).pathname, peer, file],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    let capped = false;
    let usedAtCap = capSeconds * 1000;
    const started = Date.now();
    const poll = setInterval(() => {
      const used = child.pid !== undefined ? childCpuMs(child.pid) : undefined;
      const overWall = Date.now() - started > 10 * capSeconds * 1000;
      if ((used !== undefined && used >= capSeconds * 1000) || overWall) {
        capped = true;
        usedAtCap = used ?? usedAtCap;
        child.kill('SIGKILL');
      }
    }, 250);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (capped) return resolve({ ms: usedAtCap, capped: true });
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{'))
        return reject(new Error(`${peer} failed: ${err.slice(-500)}`));
      resolve({ ms: (JSON.parse(line) as { cpuMs: number }).cpuMs, capped: false });
    });
  });
}

const fmt = (ms: number): string =>
  ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
const ratio = (other: number, ours: number): string =>
  `${(other / ours).toFixed(other / ours >= 10 ? 0 : 1)}×`;
const gbps = (passes: number, n: number, ms: number): string =>
  ((passes * 32 * 2 ** n) / (ms / 1000) / 1e9).toFixed(1);

const only = args.get('circuits')?.split(',');
const circuits = (
  [
    ['GHZ', ghzCircuit],
    ['QFT', (n) => qftCircuit(n)],
    ['random', (n) => randomLayeredCircuit(n, 20)],
  ] satisfies [string, (n: number) => Circuit][]
).filter(([name]) => !only || only.includes(name));

console.log(`# @alawein/quantum benchmark — ${new Date().toISOString()}`);
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average at start ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )}; times are CPU ms, best of 5 (≤ 16 qubits) or 3 (ours at 20; the baseline runs once from 20); peer cap ${capSeconds} s of CPU`,
);
console.log();
console.log(
  '| circuit | n | gates | ours ms | passes | GB/s | ours (JS kernels) ms | baseline ms | baseline GB/s | vs baseline | quantum-circuit ms | vs QC | qsharp-lang ms | vs Q# |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');

// Warm the JIT up on every code path before timing anything.
for (const [, make] of circuits) {
  simulate(make(12));
  simulate(make(12), { backend: 'js' });
  applyStepsReference(
    new Float64Array(4096),
    new Float64Array(4096),
    compileCircuit(make(12)).filter((s): s is GateStep => s.type === 'gate'),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'qmlab-bench-'));
try {
  for (const n of sizes) {
    for (const [name, make] of circuits) {
      const circuit = make(n);
      const reps = n <= 16 ? 5 : n < 24 ? 3 : 1;
      let steps: GateStep[] = [];
      let passes = 0;
      const ours = best(reps, () => {
        passes = simulate(circuit).passes;
      });
      const js = best(reps, () => simulate(circuit, { backend: 'js' }));
      const baseline = best(n >= 20 ? 1 : reps, () => {
        steps = compileCircuit(circuit).filter((s): s is GateStep => s.type === 'gate');
        const re = new Float64Array(2 ** n);
        const im = new Float64Array(2 ** n);
        re[0] = 1;
        applyStepsReference(re, im, steps);
      });
      const cells = [
        name,
        String(n),
        String(steps.length),
        fmt(ours),
        String(passes),
        gbps(passes, n, ours),
        fmt(js),
        fmt(baseline),
        gbps(steps.length, n, baseline),
        ratio(baseline, ours),
      ];
      for (const peer of PEERS) {
        if (n > peersUpTo) {
          cells.push('skipped', '');
          continue;
        }
        const file = join(dir, `${name}-${n}.json`);
        writeFileSync(file, JSON.stringify(circuit));
        const result = await runPeer(peer, file);
        cells.push(
          result.capped ? `> ${fmt(result.ms)} (cap)` : fmt(result.ms),
          `${result.capped ? '> ' : ''}${ratio(result.ms, ours)}`,
        );
      }
      console.log(`| ${cells.join(' | ')} |`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log();
console.log(
  `load average at end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
