// Runs under the real Deno binary (see the package's test script): the engine must give the same
// numbers as under Node, and must not need Node.
import assert from 'node:assert/strict';
import { DETERMINISM_CASES, SEEDED_OUTPUTS, XOSHIRO_REFERENCE } from './determinism.fixtures.ts';
import { modules, summaryMismatches, Xoshiro128, type SimulationModule } from './index.ts';

declare const Deno: {
  test(name: string, fn: () => void | Promise<void>): void;
};

Deno.test('xoshiro128** matches the reference C outputs exactly', () => {
  const rng = new Xoshiro128(0);
  rng.s.set([1, 2, 3, 4]);
  assert.deepEqual(
    XOSHIRO_REFERENCE.map(() => rng.nextInt32() >>> 0),
    XOSHIRO_REFERENCE,
  );
  const seeded = new Xoshiro128(123456789);
  assert.deepEqual(
    SEEDED_OUTPUTS.map(() => seeded.nextInt32() >>> 0),
    SEEDED_OUTPUTS,
  );
});

for (const { moduleId, params, summary, tolerance } of DETERMINISM_CASES) {
  Deno.test(
    `${moduleId} reproduces its fixed summary (${tolerance === 0 ? 'bit for bit' : `within ${tolerance}`})`,
    async () => {
      const mod: SimulationModule = modules[moduleId];
      assert.deepEqual(
        summaryMismatches((await mod.simulate(params)).summary, summary, tolerance),
        [],
      );
    },
  );
}
