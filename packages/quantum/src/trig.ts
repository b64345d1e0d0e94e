/**
 * sin and cos from +, −, ×, ÷ only (fdlibm's kernels and Cody–Waite reduction), so a circuit
 * gives bit-identical amplitudes in every JavaScript engine: Math.sin/Math.cos are not specified
 * to the last bit and do differ between V8 versions (Node 20 and current Deno disagree on ~3% of
 * arguments). Accurate to about 1 ulp for |x| < 2^20·π/2 (far beyond any circuit angle).
 */

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO4 = 7.85398163397448278999e-1;

/** sin(x + y) for |x + y| ≤ π/4, y the tail of a reduced argument. */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos(x + y) for |x + y| ≤ π/4. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const hz = 0.5 * z;
  const w = 1 - hz;
  return w + (1 - w - hz + (z * r - x * y));
}

/** Reduces x to n·π/2 + (y0 + y1) with |y0 + y1| ≤ π/4; returns n mod 4. */
function reduce(x: number, out: Float64Array): number {
  const n = Math.round(x * INV_PIO2);
  const t = x - n * PIO2_1;
  // fdlibm's second reduction step (good to ~118 bits) replaces the first tail n·PIO2_1T.
  const r = t - n * PIO2_2;
  const w = n * PIO2_2T - (t - r - n * PIO2_2);
  const y0 = r - w;
  out[0] = y0;
  out[1] = r - y0 - w;
  return ((n % 4) + 4) % 4;
}

const tail = new Float64Array(2);

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) <= PIO4) return kernelSin(x, 0);
  const n = reduce(x, tail);
  const [y0 = 0, y1 = 0] = tail;
  switch (n) {
    case 0:
      return kernelSin(y0, y1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1);
    default:
      return -kernelCos(y0, y1);
  }
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) <= PIO4) return kernelCos(x, 0);
  const n = reduce(x, tail);
  const [y0 = 0, y1 = 0] = tail;
  switch (n) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1);
  }
}
