// One file, two runtimes: vitest runs it under Node and the package's test script runs it under
// the real Deno binary. Both must produce bit-identical amplitudes, pinned by one fingerprint.
import assert from 'node:assert/strict';
import {
  ghzCircuit,
  parseQasm,
  qftCircuit,
  randomLayeredCircuit,
  sample,
  simulate,
} from './index.ts';
import { randomCircuit } from './test/helpers.ts';

declare const Deno: { test(name: string, fn: () => void | Promise<void>): void } | undefined;

type Register = (name: string, fn: () => void | Promise<void>) => void;
const register: Register =
  typeof Deno !== 'undefined' ? (name, fn) => Deno.test(name, fn) : (await import('vitest')).test;

/** SHA-256 of the raw bytes of every amplitude of a fixed set of runs, on both backends. */
async function fingerprint(): Promise<string> {
  const circuits = [
    randomLayeredCircuit(10, 20, 7),
    qftCircuit(9, 300),
    ghzCircuit(8),
    randomCircuit(9, 400, 12),
    parseQasm(
      'qreg q[3]; creg c[1]; h q; measure q[0] -> c[0]; cx q[0],q[2]; reset q[1]; ry(0.3) q[1];',
    ),
  ];
  const parts: Uint8Array[] = [];
  const counts: string[] = [];
  for (const circuit of circuits) {
    for (const backend of ['wasm', 'js'] as const) {
      for (const tileQubits of [4, 14]) {
        const state = simulate(circuit, { backend, tileQubits, seed: 5 });
        parts.push(
          new Uint8Array(state.re.slice().buffer),
          new Uint8Array(state.im.slice().buffer),
        );
        counts.push(JSON.stringify(sample(state, 100, 3)));
      }
    }
  }
  parts.push(new TextEncoder().encode(counts.join('|')));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const EXPECTED = '4a8e58a10f57be004b1ad7b6ab5320d5b81c6fe4bc32e7bd01aafe2477992ea1';

register('amplitudes and shot counts are bit-identical under Node and Deno', async () => {
  assert.equal(await fingerprint(), EXPECTED);
});

register('WebAssembly SIMD kernels are in use in this runtime', () => {
  assert.equal(simulate(ghzCircuit(3)).backend, 'wasm');
});
