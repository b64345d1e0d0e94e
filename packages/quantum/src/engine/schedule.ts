import { Kind, fuseSteps, type GateStep } from './compile.ts';

/**
 * Cache blocking: a pass holds a "tile" of qubits and applies, to each 2^tile block of
 * amplitudes (all amplitudes that differ only in tile qubits), every gate that can run inside it
 * before moving on. Blocks fit in the L2 cache, so a run of gates costs one trip to memory.
 */
export const DEFAULT_TILE_QUBITS = 14;

/** Tiles include the lowest qubits, so amplitudes are copied in runs of at least 2^3. */
const MIN_LOW_QUBITS = 3;

/** The most qubits one gate touches (ccx); a tile always has room for one more gate. */
export const MAX_GATE_QUBITS = 3;

/** One pass over the state: the tile's qubits and the gates to apply to each block. */
export interface Pass {
  /** Global qubits of the tile, ascending: local bit k of a block is global qubit qubits[k]. */
  qubits: number[];
  /** The tile is qubits 0…len−1, so blocks are contiguous and need no copying. */
  contiguous: boolean;
  count: number;
  /** Per gate: Kind, local bit masks, local control mask and 8 matrix entries at 8·index. */
  kinds: Uint8Array;
  bits: Int32Array;
  bits2: Int32Array;
  controls: Int32Array;
  matrices: Float64Array;
  /** Gates of the circuit applied in this pass (before fusion). */
  gates: number;
}

function stepMask(step: GateStep): number {
  return (1 << step.qubit) | (step.qubit2 >= 0 ? 1 << step.qubit2 : 0) | step.controls;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Maps a global qubit mask onto the tile's local bits. */
function localMask(mask: number, qubits: readonly number[]): number {
  let local = 0;
  qubits.forEach((q, k) => {
    if (mask & (1 << q)) local |= 1 << k;
  });
  return local;
}

function buildPass(taken: GateStep[], tileMask: number, gates: number): Pass {
  const qubits: number[] = [];
  for (let q = 0; q < 31; q++) if (tileMask & (1 << q)) qubits.push(q);
  const count = taken.length;
  const pass: Pass = {
    qubits,
    contiguous: qubits.every((q, k) => q === k),
    count,
    kinds: new Uint8Array(count),
    bits: new Int32Array(count),
    bits2: new Int32Array(count),
    controls: new Int32Array(count),
    matrices: new Float64Array(8 * count),
    gates,
  };
  taken.forEach((step, k) => {
    pass.kinds[k] = step.kind;
    pass.bits[k] = localMask(1 << step.qubit, qubits);
    pass.bits2[k] = step.qubit2 >= 0 ? localMask(1 << step.qubit2, qubits) : 0;
    pass.controls[k] = localMask(step.controls, qubits);
    pass.matrices.set(step.matrix, 8 * k);
  });
  return pass;
}

/**
 * Splits gates into passes greedily: walk the remaining gates in order, take each one whose
 * qubits fit in the tile (growing it up to `tileQubits`), and block the qubits of every gate left
 * behind so nothing later on them jumps ahead of it (gates on disjoint qubits commute).
 * Consecutive single-qubit gates on one qubit are fused into one 2×2 matrix.
 */
export function planPasses(
  steps: readonly GateStep[],
  numQubits: number,
  tileQubits = DEFAULT_TILE_QUBITS,
): Pass[] {
  const tile = Math.min(numQubits, Math.max(MAX_GATE_QUBITS, tileQubits));
  // Forced low qubits never crowd out the first waiting gate, so every pass makes progress.
  const forcedLow = Math.max(0, Math.min(MIN_LOW_QUBITS, tile - MAX_GATE_QUBITS));
  const all = numQubits >= 31 ? -1 : (1 << numQubits) - 1;
  const passes: Pass[] = [];
  let remaining = [...steps];
  while (remaining.length > 0) {
    let tileMask = (1 << forcedLow) - 1;
    let blocked = 0;
    const taken: GateStep[] = [];
    const lastOnQubit = new Array<number>(numQubits).fill(-1);
    const rest: GateStep[] = [];
    let gates = 0;
    for (let i = 0; i < remaining.length; i++) {
      const step = remaining[i]!;
      if ((blocked & all) === all) {
        rest.push(...remaining.slice(i));
        break;
      }
      const mask = stepMask(step);
      const grown = tileMask | mask;
      if (mask & blocked || popcount(grown) > tile) {
        blocked |= mask;
        rest.push(step);
        continue;
      }
      tileMask = grown;
      gates++;
      const previous = lastOnQubit[step.qubit]!;
      const before = previous >= 0 ? taken[previous]! : undefined;
      if (
        before !== undefined &&
        step.controls === 0 &&
        step.kind !== Kind.swap &&
        before.controls === 0 &&
        before.kind !== Kind.swap &&
        before.qubit === step.qubit
      ) {
        taken[previous] = fuseSteps(before, step);
        continue;
      }
      for (let q = 0; q < numQubits; q++) if (mask & (1 << q)) lastOnQubit[q] = taken.length;
      taken.push(step);
    }
    // Spare room in the tile goes to the lowest qubits: longer contiguous runs to copy.
    for (let q = 0; q < numQubits && popcount(tileMask) < tile; q++) tileMask |= 1 << q;
    passes.push(buildPass(taken, tileMask, gates));
    remaining = rest;
  }
  return passes;
}
