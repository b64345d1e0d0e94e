/**
 * In-place gate kernels over the index range [start, end) of a state (start and end multiples of
 * 2·bit). A gate acts on the pairs (i, i + bit) whose index has every bit of `cmask` set, so one
 * kernel serves a gate and its controlled forms. Matrices are read from `m` at offset `k`
 * ([re00, im00, re01, im01, re10, im10, re11, im11]). Kernels are specialised by the shape of the
 * matrix because a permutation or a diagonal does a fraction of the arithmetic of a dense 2×2.
 */

/** Dense 2×2 complex matrix. */
export function applyGeneral(
  re: Float64Array,
  im: Float64Array,
  start: number,
  end: number,
  bit: number,
  cmask: number,
  m: Float64Array,
  k: number,
): void {
  const ar = m[k]!;
  const ai = m[k + 1]!;
  const br = m[k + 2]!;
  const bi = m[k + 3]!;
  const cr = m[k + 4]!;
  const ci = m[k + 5]!;
  const dr = m[k + 6]!;
  const di = m[k + 7]!;
  const step = bit << 1;
  for (let base = start; base < end; base += step) {
    const stop = base + bit;
    for (let i = base; i < stop; i++) {
      if ((i & cmask) !== cmask) continue;
      const j = i + bit;
      const xr = re[i]!;
      const xi = im[i]!;
      const yr = re[j]!;
      const yi = im[j]!;
      re[i] = ar * xr - ai * xi + br * yr - bi * yi;
      im[i] = ar * xi + ai * xr + br * yi + bi * yr;
      re[j] = cr * xr - ci * xi + dr * yr - di * yi;
      im[j] = cr * xi + ci * xr + dr * yi + di * yr;
    }
  }
}

/** Real 2×2 matrix (ry, h, and their products): half the multiplications of a dense one. */
export function applyReal(
  re: Float64Array,
  im: Float64Array,
  start: number,
  end: number,
  bit: number,
  cmask: number,
  m: Float64Array,
  k: number,
): void {
  const a = m[k]!;
  const b = m[k + 2]!;
  const c = m[k + 4]!;
  const d = m[k + 6]!;
  const step = bit << 1;
  for (let base = start; base < end; base += step) {
    const stop = base + bit;
    for (let i = base; i < stop; i++) {
      if ((i & cmask) !== cmask) continue;
      const j = i + bit;
      const xr = re[i]!;
      const xi = im[i]!;
      const yr = re[j]!;
      const yi = im[j]!;
      re[i] = a * xr + b * yr;
      im[i] = a * xi + b * yi;
      re[j] = c * xr + d * yr;
      im[j] = c * xi + d * yi;
    }
  }
}

/** Diagonal matrix diag(d0, d1) (rz, crz). */
export function applyDiagonal(
  re: Float64Array,
  im: Float64Array,
  start: number,
  end: number,
  bit: number,
  cmask: number,
  m: Float64Array,
  k: number,
): void {
  const ar = m[k]!;
  const ai = m[k + 1]!;
  const dr = m[k + 6]!;
  const di = m[k + 7]!;
  const step = bit << 1;
  for (let base = start; base < end; base += step) {
    const stop = base + bit;
    for (let i = base; i < stop; i++) {
      if ((i & cmask) !== cmask) continue;
      const j = i + bit;
      const xr = re[i]!;
      const xi = im[i]!;
      const yr = re[j]!;
      const yi = im[j]!;
      re[i] = ar * xr - ai * xi;
      im[i] = ar * xi + ai * xr;
      re[j] = dr * yr - di * yi;
      im[j] = dr * yi + di * yr;
    }
  }
}

/** diag(1, e^{iφ}) (z, s, t, u1, cz, cu1): only the |1⟩ half moves. */
export function applyPhase(
  re: Float64Array,
  im: Float64Array,
  start: number,
  end: number,
  bit: number,
  cmask: number,
  m: Float64Array,
  k: number,
): void {
  const dr = m[k + 6]!;
  const di = m[k + 7]!;
  const step = bit << 1;
  for (let base = start + bit; base < end; base += step) {
    const stop = base + bit;
    for (let j = base; j < stop; j++) {
      if ((j & cmask) !== cmask) continue;
      const yr = re[j]!;
      const yi = im[j]!;
      re[j] = dr * yr - di * yi;
      im[j] = dr * yi + di * yr;
    }
  }
}

/** Anti-diagonal matrix [[0, b], [c, 0]] (y, cy, and x with phases). */
export function applyAntiDiagonal(
  re: Float64Array,
  im: Float64Array,
  start: number,
  end: number,
  bit: number,
  cmask: number,
  m: Float64Array,
  k: number,
): void {
  const br = m[k + 2]!;
  const bi = m[k + 3]!;
  const cr = m[k + 4]!;
  const ci = m[k + 5]!;
  const step = bit << 1;
  for (let base = start; base < end; base += step) {
    const stop = base + bit;
    for (let i = base; i < stop; i++) {
      if ((i & cmask) !== cmask) continue;
      const j = i + bit;
      const xr = re[i]!;
      const xi = im[i]!;
      const yr = re[j]!;
      const yi = im[j]!;
      re[i] = br * yr - bi * yi;
      im[i] = br * yi + bi * yr;
      re[j] = cr * xr - ci * xi;
      im[j] = cr * xi + ci * xr;
    }
  }
}

/** X (x, cx, ccx): a pure exchange of amplitudes, no arithmetic. */
export function applyFlip(
  re: Float64Array,
  im: Float64Array,
  start: number,
  end: number,
  bit: number,
  cmask: number,
): void {
  const step = bit << 1;
  for (let base = start; base < end; base += step) {
    const stop = base + bit;
    for (let i = base; i < stop; i++) {
      if ((i & cmask) !== cmask) continue;
      const j = i + bit;
      const xr = re[i]!;
      const xi = im[i]!;
      re[i] = re[j]!;
      im[i] = im[j]!;
      re[j] = xr;
      im[j] = xi;
    }
  }
}

/** SWAP of the qubits with masks `bit` and `bit2` (bit < bit2): exchanges |01⟩ and |10⟩. */
export function applySwap(
  re: Float64Array,
  im: Float64Array,
  start: number,
  end: number,
  bit: number,
  bit2: number,
): void {
  const both = bit | bit2;
  for (let i = start; i < end; i++) {
    if ((i & both) !== bit) continue;
    const j = i ^ both;
    const xr = re[i]!;
    const xi = im[i]!;
    re[i] = re[j]!;
    im[i] = im[j]!;
    re[j] = xr;
    im[j] = xi;
  }
}
