import { describe, expect, it } from 'vitest';
import { DETERMINISM_CASES, SEEDED_OUTPUTS, XOSHIRO_REFERENCE } from './determinism.fixtures.ts';
import { summaryMismatches } from './compare.ts';
import { modules } from './registry.ts';
import { Xoshiro128 } from './rng.ts';
import type { SimulationModule } from './types.ts';

describe('determinism (the same literals are checked under Deno by src/deno.test.ts)', () => {
  it('xoshiro128** matches the reference C outputs exactly', () => {
    const rng = new Xoshiro128(0);
    rng.s.set([1, 2, 3, 4]);
    expect(XOSHIRO_REFERENCE.map(() => rng.nextInt32() >>> 0)).toEqual(XOSHIRO_REFERENCE);
    const seeded = new Xoshiro128(123456789);
    expect(SEEDED_OUTPUTS.map(() => seeded.nextInt32() >>> 0)).toEqual(SEEDED_OUTPUTS);
  });

  for (const { moduleId, params, summary, tolerance } of DETERMINISM_CASES) {
    it(`${moduleId} reproduces its fixed summary (${tolerance === 0 ? 'bit for bit' : `within ${tolerance}`})`, async () => {
      const mod: SimulationModule = modules[moduleId];
      expect(summaryMismatches((await mod.simulate(params)).summary, summary, tolerance)).toEqual(
        [],
      );
    });
  }
});
