import { Kind } from './compile.ts';
import { KERNELS_WASM } from './kernels-wasm.ts';
import type { Pass } from './schedule.ts';
import { deposit, tileLayout, type Backend } from './backend.ts';

/**
 * A one-qubit kernel: applies the 2×2 matrix at `mat` to the amplitude pairs (i, i + bit) in
 * [start, end) whose index has every bit of `cmask` set (see wasm/kernels.wat).
 */
type MatrixKernel = (
  re: number,
  im: number,
  start: number,
  end: number,
  bit: number,
  cmask: number,
  mat: number,
) => void;

/** The kernels exported by wasm/kernels.wat (addresses are byte offsets into the memory). */
interface KernelExports {
  general: MatrixKernel;
  diagonal: MatrixKernel;
  real: MatrixKernel;
  rotationX: MatrixKernel;
  flip(re: number, im: number, start: number, end: number, bit: number, cmask: number): void;
  swap(re: number, im: number, start: number, end: number, bit: number, bit2: number): void;
  copyRuns(
    state: number,
    scratch: number,
    run: number,
    count: number,
    offsets: number,
    toScratch: number,
  ): void;
}

/** The part of the WebAssembly JS API used here (the package is typed without the DOM). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
}

function isKernelExports(value: unknown): value is KernelExports {
  if (typeof value !== 'object' || value === null) return false;
  const exports = value as Record<string, unknown>;
  return ['general', 'real', 'rotationX', 'diagonal', 'flip', 'swap', 'copyRuns'].every(
    (name) => typeof exports[name] === 'function',
  );
}

/** Largest state the WebAssembly backend takes: two 512 MiB arrays in one 32-bit memory. */
export const MAX_WASM_QUBITS = 26;

let compiled: object | null | undefined;

/**
 * Compiles the kernels once. Returns null where WebAssembly SIMD is unavailable or forbidden
 * (a Content-Security-Policy without 'wasm-unsafe-eval'); the simulator then uses its JS kernels.
 */
function kernelsModule(): object | null {
  if (compiled !== undefined) return compiled;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    compiled = api === undefined ? null : new api.Module(KERNELS_WASM);
  } catch {
    compiled = null;
  }
  return compiled;
}

const PAGE = 65536;
const align = (bytes: number): number => Math.ceil(bytes / 64) * 64;

/**
 * Small states reuse one WebAssembly instance (instantiating a memory costs more than simulating
 * a 10-qubit circuit) and copy their amplitudes out at the end; large ones get a memory of their
 * own, which the result's arrays then view.
 */
const REUSE_QUBITS = 16;
let reusable:
  { numQubits: number; tileQubits: number; maxGates: number; backend: Backend } | undefined;

/** A state held in a WebAssembly memory and advanced by the SIMD kernels. */
export function createWasmBackend(
  numQubits: number,
  tileQubits: number,
  maxGates: number,
): Backend | null {
  if (numQubits <= REUSE_QUBITS) {
    const cached = reusable;
    if (
      cached?.numQubits === numQubits &&
      cached.tileQubits === tileQubits &&
      cached.maxGates >= maxGates
    ) {
      cached.backend.re.fill(0);
      cached.backend.im.fill(0);
      return cached.backend;
    }
    const capacity = Math.max(maxGates, 1024);
    const backend = instantiate(numQubits, tileQubits, capacity, true);
    reusable = backend ? { numQubits, tileQubits, maxGates: capacity, backend } : undefined;
    return backend;
  }
  return instantiate(numQubits, tileQubits, maxGates, false);
}

function instantiate(
  numQubits: number,
  tileQubits: number,
  maxGates: number,
  copyOut: boolean,
): Backend | null {
  const module = kernelsModule();
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (module === null || api === undefined || numQubits > MAX_WASM_QUBITS) return null;
  const size = 2 ** numQubits;
  const tileSize = 2 ** tileQubits;
  const offsetsPtr = 0;
  const matsPtr = align(4 * tileSize);
  const scratchRe = align(matsPtr + 64 * Math.max(1, maxGates));
  const scratchIm = scratchRe + 8 * tileSize;
  const stateRe = align(scratchIm + 8 * tileSize);
  const stateIm = stateRe + 8 * size;
  const memory = new api.Memory({ initial: Math.ceil((stateIm + 8 * size) / PAGE) });
  const { exports } = new api.Instance(module, { env: { memory } });
  if (!isKernelExports(exports)) return null;
  const k = exports;
  const mats = new Float64Array(memory.buffer, matsPtr, 8 * Math.max(1, maxGates));
  const offsets = new Int32Array(memory.buffer, offsetsPtr, tileSize);

  const applyGates = (re: number, im: number, start: number, end: number, pass: Pass): void => {
    const { kinds, bits, bits2, controls } = pass;
    for (let g = 0; g < pass.count; g++) {
      let bit = bits[g]!;
      let cmask = controls[g]!;
      const mat = matsPtr + 64 * g;
      switch (kinds[g]) {
        case Kind.phase:
          // diag(1, e^{iφ}) with controls is symmetric in its qubits: make qubit 0 the target
          // so the vector path applies.
          if (cmask & 1 && bit !== 1) {
            cmask = (cmask & ~1) | bit;
            bit = 1;
          }
          k.diagonal(re, im, start, end, bit, cmask, mat);
          break;
        case Kind.diagonal:
          k.diagonal(re, im, start, end, bit, cmask, mat);
          break;
        case Kind.real:
          if (cmask & 1) k.general(re, im, start, end, bit, cmask, mat);
          else k.real(re, im, start, end, bit, cmask, mat);
          break;
        case Kind.rotationX:
          if (cmask & 1) k.general(re, im, start, end, bit, cmask, mat);
          else k.rotationX(re, im, start, end, bit, cmask, mat);
          break;
        case Kind.flip:
          k.flip(re, im, start, end, bit, cmask);
          break;
        case Kind.swap:
          k.swap(re, im, start, end, bit, bits2[g]!);
          break;
        default:
          k.general(re, im, start, end, bit, cmask, mat);
      }
    }
  };

  const re = new Float64Array(memory.buffer, stateRe, size);
  const im = new Float64Array(memory.buffer, stateIm, size);
  return {
    kind: 'wasm',
    re,
    im,
    result: () => (copyOut ? { re: re.slice(), im: im.slice() } : { re, im }),
    runPass(pass: Pass): void {
      mats.set(pass.matrices);
      const tile = 2 ** pass.qubits.length;
      if (pass.contiguous) {
        for (let base = 0; base < size; base += tile)
          applyGates(stateRe, stateIm, base, base + tile, pass);
        return;
      }
      const { low, highs, outer } = tileLayout(pass, numQubits);
      const runBytes = 8 * 2 ** low;
      const count = 2 ** highs.length;
      for (let c = 0; c < count; c++) offsets[c] = 8 * deposit(c, highs);
      const blocks = 2 ** outer.length;
      for (let o = 0; o < blocks; o++) {
        const base = 8 * deposit(o, outer);
        k.copyRuns(stateRe + base, scratchRe, runBytes, count, offsetsPtr, 1);
        k.copyRuns(stateIm + base, scratchIm, runBytes, count, offsetsPtr, 1);
        applyGates(scratchRe, scratchIm, 0, tile, pass);
        k.copyRuns(stateRe + base, scratchRe, runBytes, count, offsetsPtr, 0);
        k.copyRuns(stateIm + base, scratchIm, runBytes, count, offsetsPtr, 0);
      }
    },
  };
}
