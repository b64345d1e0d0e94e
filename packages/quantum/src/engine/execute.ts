import {
  applyAntiDiagonal,
  applyDiagonal,
  applyFlip,
  applyGeneral,
  applyPhase,
  applyReal,
  applySwap,
} from './kernels.ts';
import { Kind } from './compile.ts';
import type { Pass } from './schedule.ts';
import { deposit, tileLayout, type Backend } from './backend.ts';

/** Applies a pass's gates, in order, to the amplitudes [start, end) of (re, im). */
function applyGates(
  re: Float64Array,
  im: Float64Array,
  start: number,
  end: number,
  pass: Pass,
): void {
  const { kinds, bits, bits2, controls, matrices } = pass;
  for (let g = 0; g < pass.count; g++) {
    const bit = bits[g]!;
    const cmask = controls[g]!;
    const k = 8 * g;
    switch (kinds[g]) {
      case Kind.general:
      case Kind.rotationX:
        applyGeneral(re, im, start, end, bit, cmask, matrices, k);
        break;
      case Kind.real:
        applyReal(re, im, start, end, bit, cmask, matrices, k);
        break;
      case Kind.diagonal:
        applyDiagonal(re, im, start, end, bit, cmask, matrices, k);
        break;
      case Kind.phase:
        applyPhase(re, im, start, end, bit, cmask, matrices, k);
        break;
      case Kind.antiDiagonal:
        applyAntiDiagonal(re, im, start, end, bit, cmask, matrices, k);
        break;
      case Kind.flip:
        applyFlip(re, im, start, end, bit, cmask);
        break;
      default:
        applySwap(re, im, start, end, bit, bits2[g]!);
    }
  }
}

/** Scratch blocks for tiles that are not contiguous in memory (reused across passes). */
interface Scratch {
  re: Float64Array;
  im: Float64Array;
}

/** The state in two Float64Arrays, advanced by the JS kernels (where WebAssembly is unavailable). */
export function createJsBackend(numQubits: number, tileQubits: number): Backend {
  const re = new Float64Array(2 ** numQubits);
  const im = new Float64Array(2 ** numQubits);
  const scratch = { re: new Float64Array(2 ** tileQubits), im: new Float64Array(2 ** tileQubits) };
  return {
    kind: 'js',
    re,
    im,
    runPass: (pass) => runPass(re, im, numQubits, pass, scratch),
    result: () => ({ re, im }),
  };
}

/**
 * One pass over the whole state: every block of 2^tile amplitudes that differ only in the tile's
 * qubits gets all of the pass's gates while it is in cache. Contiguous tiles are worked in place;
 * others are gathered into `scratch` in runs of 2^low amplitudes and written back.
 */
function runPass(
  re: Float64Array,
  im: Float64Array,
  numQubits: number,
  pass: Pass,
  scratch: Scratch,
): void {
  const size = re.length;
  const tileSize = 2 ** pass.qubits.length;
  if (pass.contiguous) {
    for (let base = 0; base < size; base += tileSize)
      applyGates(re, im, base, base + tileSize, pass);
    return;
  }
  const { low, highs, outer } = tileLayout(pass, numQubits);
  const run = 2 ** low;
  const offsets = new Float64Array(2 ** highs.length);
  for (let c = 0; c < offsets.length; c++) offsets[c] = deposit(c, highs);
  const sre = scratch.re;
  const sim = scratch.im;
  const blocks = 2 ** outer.length;
  for (let o = 0; o < blocks; o++) {
    const base = deposit(o, outer);
    for (let c = 0, dst = 0; c < offsets.length; c++, dst += run) {
      const src = base + offsets[c]!;
      for (let r = 0; r < run; r++) {
        sre[dst + r] = re[src + r]!;
        sim[dst + r] = im[src + r]!;
      }
    }
    applyGates(sre, sim, 0, tileSize, pass);
    for (let c = 0, dst = 0; c < offsets.length; c++, dst += run) {
      const src = base + offsets[c]!;
      for (let r = 0; r < run; r++) {
        re[src + r] = sre[dst + r]!;
        im[src + r] = sim[dst + r]!;
      }
    }
  }
}
