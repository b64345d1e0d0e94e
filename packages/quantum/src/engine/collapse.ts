import { applyFlip } from './kernels.ts';
import type { Random } from '../random.ts';

/** Measures `qubit`, collapses the state onto the outcome and renormalises it; returns 0 or 1. */
export function measureQubit(
  re: Float64Array,
  im: Float64Array,
  qubit: number,
  random: Random,
): 0 | 1 {
  const bit = 1 << qubit;
  let p1 = 0;
  let total = 0;
  for (let i = 0; i < re.length; i++) {
    const p = re[i]! * re[i]! + im[i]! * im[i]!;
    total += p;
    if (i & bit) p1 += p;
  }
  const outcome = random.next() * total < p1 ? 1 : 0;
  const kept = outcome === 1 ? p1 : total - p1;
  const scale = kept > 0 ? 1 / Math.sqrt(kept) : 0;
  for (let i = 0; i < re.length; i++) {
    const keep = ((i & bit) !== 0) === (outcome === 1);
    re[i] = keep ? re[i]! * scale : 0;
    im[i] = keep ? im[i]! * scale : 0;
  }
  return outcome;
}

/** Exchanges the |0⟩ and |1⟩ halves of `qubit` (an X gate), used by reset. */
export function flipQubit(re: Float64Array, im: Float64Array, qubit: number): void {
  applyFlip(re, im, 0, re.length, 1 << qubit, 0);
}
