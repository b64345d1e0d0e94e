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

/** How a non-contiguous tile sits in memory: its run of low qubits, its other qubits, the rest. */
export interface TileLayout {
  /** The tile holds qubits 0…low−1, so blocks are copied in runs of 2^low amplitudes. */
  low: number;
  /** The tile's qubits above the run, ascending. */
  highs: number[];
  /** The qubits outside the tile (one block per assignment of them), ascending. */
  outer: number[];
}

export function tileLayout(pass: Pass, numQubits: number): TileLayout {
  let low = 0;
  while (pass.qubits[low] === low) low++;
  const inTile = new Set(pass.qubits);
  const outer: number[] = [];
  for (let q = 0; q < numQubits; q++) if (!inTile.has(q)) outer.push(q);
  return { low, highs: pass.qubits.slice(low), outer };
}
