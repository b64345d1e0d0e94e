import { expect } from 'vitest';
import { ParamsError } from './runtime.ts';
import type { SimulationModule } from './types.ts';

/** Asserts that each params object is rejected with a ParamsError naming the expected field. */
export async function expectRejected(
  mod: SimulationModule,
  cases: readonly (readonly [Record<string, unknown>, string])[],
): Promise<void> {
  for (const [params, field] of cases) {
    const error = await mod.simulate(params).catch((e: unknown) => e);
    expect(error, JSON.stringify(params)).toBeInstanceOf(ParamsError);
    expect((error as ParamsError).field, JSON.stringify(params)).toBe(field);
    expect((error as ParamsError).message, JSON.stringify(params)).toContain(field.split('.')[0]);
  }
}
