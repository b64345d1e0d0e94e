import { describe, expect, it } from 'vitest';
import { circuitInputSchema, circuitPatchSchema, LIMITS, runInputSchema } from './schemas.ts';

describe('request schemas', () => {
  it('a circuit needs a title and QASM within the size bound, private by default', () => {
    expect(circuitInputSchema.parse({ title: ' Bell ', qasm: 'x' })).toEqual({
      title: 'Bell',
      description: '',
      qasm: 'x',
      visibility: 'private',
    });
    expect(circuitInputSchema.safeParse({ title: ' ', qasm: 'x' }).success).toBe(false);
    expect(
      circuitInputSchema.safeParse({ title: 'a', qasm: 'é'.repeat(LIMITS.qasmBytes / 2 + 1) })
        .success,
    ).toBe(false);
    expect(circuitInputSchema.safeParse({ title: 'a', qasm: 'x', extra: 1 }).success).toBe(false);
  });

  it('a patch changes something', () => {
    expect(circuitPatchSchema.safeParse({}).success).toBe(false);
    expect(circuitPatchSchema.parse({ visibility: 'unlisted' })).toEqual({
      visibility: 'unlisted',
    });
  });

  it('a run names QASM or a circuit, with 1 to 100000 shots', () => {
    expect(runInputSchema.parse({ qasm: 'x' }).shots).toBe(1024);
    expect(runInputSchema.safeParse({ shots: 10 }).success).toBe(false);
    expect(runInputSchema.safeParse({ qasm: 'x', shots: 0 }).success).toBe(false);
    expect(runInputSchema.safeParse({ qasm: 'x', shots: 100_001 }).success).toBe(false);
  });
});
