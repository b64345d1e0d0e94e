/**
 * A small seeded generator (sfc32, seeded through splitmix32) so shots and mid-circuit
 * measurements are reproducible across Node, Deno and browsers.
 */
export interface Random {
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates the generator for a seed (any finite number; its integer part modulo 2^32 is used). */
export function createRandom(seed: number): Random {
  const init = splitmix32(Math.trunc(seed) % 0x100000000);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();
  return {
    next: () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992,
  };
}
