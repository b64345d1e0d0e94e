/**
 * xoshiro128** (Blackman & Vigna), seeded through splitmix32. Pure 32-bit integer arithmetic
 * (Math.imul, shifts), so the same seed gives the same stream on every JavaScript runtime.
 * Hot loops inline the step on local variables; this class is for everything else.
 */
export class Xoshiro128 {
  /** Generator state, four 32-bit words (exposed so hot loops can copy it into locals and back). */
  readonly s = new Int32Array(4);

  constructor(seed: number) {
    let x = seed | 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.s[i] = z ^ (z >>> 16);
    }
    // The all-zero state is the one fixed point of the generator.
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1;
  }

  /** Next 32-bit output as a signed int (use `>>> 0` for unsigned). */
  nextInt32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]!;
    const s3 = s[3]!;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = (n3 << 11) | (n3 >>> 21);
    return result;
  }

  /** Uniform in the open interval (0, 1), 32-bit resolution. */
  nextFloat(): number {
    return ((this.nextInt32() >>> 0) + 0.5) * 2.3283064365386963e-10;
  }

  /** Uniform integer in [0, n) for n ≤ 2^32 (multiply-shift; bias below 2^-32·n). */
  nextBelow(n: number): number {
    return Math.floor((this.nextInt32() >>> 0) * 2.3283064365386963e-10 * n);
  }

  /** Two independent standard normals (Box–Muller), written into out[0], out[1]. */
  nextNormalPair(out: Float64Array): void {
    const r = Math.sqrt(-2 * Math.log(this.nextFloat()));
    const a = 6.283185307179586 * this.nextFloat();
    out[0] = r * Math.cos(a);
    out[1] = r * Math.sin(a);
  }
}
