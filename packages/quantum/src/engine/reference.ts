import { applyGeneral, applySwap } from './kernels.ts';
import { Kind, type GateStep } from './compile.ts';

/**
 * The straightforward simulator: one pass over the whole state per gate, always with the dense
 * 2×2 kernel. It is the tests' oracle for the fast engine and the benchmark's baseline.
 */
export function applyStepsReference(
  re: Float64Array,
  im: Float64Array,
  steps: readonly GateStep[],
): void {
  const matrix = new Float64Array(8);
  for (const step of steps) {
    if (step.kind === Kind.swap) {
      applySwap(re, im, 0, re.length, 1 << step.qubit, 1 << step.qubit2);
      continue;
    }
    matrix.set(step.matrix);
    applyGeneral(re, im, 0, re.length, 1 << step.qubit, step.controls, matrix, 0);
  }
}
