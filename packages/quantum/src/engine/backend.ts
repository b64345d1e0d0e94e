import type { Pass } from './schedule.ts';

/** Where the amplitudes live and which kernels advance them. */
export interface Backend {
  kind: 'wasm' | 'js';
  re: Float64Array;
  im: Float64Array;
  /** Applies one pass (see schedule.ts) to the whole state. */
  runPass(pass: Pass): void;
  /** The final amplitudes, in arrays the caller may keep. */
  result(): { re: Float64Array; im: Float64Array };
}

/** Spreads the bits of `value` onto the bit positions `positions` (ascending). */
export function deposit(value: number, positions: readonly number[]): number {
  let out = 0;
  for (let k = 0; k < positions.length; k++) if (value & (1 << k)) out += 2 ** positions[k]!;
  return out;
}
