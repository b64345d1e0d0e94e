import type { GateName } from './circuit.ts';
import { cos, sin } from './trig.ts';

/**
 * A 2×2 complex matrix, row major, real and imaginary parts interleaved:
 * [re00, im00, re01, im01, re10, im10, re11, im11].
 */
export type Matrix2 = readonly [number, number, number, number, number, number, number, number];

const R = Math.SQRT1_2;

function diag(phaseA: number, phaseB: number): Matrix2 {
  return [cos(phaseA), sin(phaseA), 0, 0, 0, 0, cos(phaseB), sin(phaseB)];
}

/** u3(θ, φ, λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]. */
function u3(theta: number, phi: number, lambda: number): Matrix2 {
  const c = cos(theta / 2);
  const s = sin(theta / 2);
  return [
    c,
    0,
    -cos(lambda) * s,
    -sin(lambda) * s,
    cos(phi) * s,
    sin(phi) * s,
    cos(phi + lambda) * c,
    sin(phi + lambda) * c,
  ];
}

/**
 * The 2×2 matrix a gate applies to its target (for controlled gates: when every control is 1).
 * Conventions are qelib1.inc's (and Qiskit's). `swap` has no 2×2 form and is not accepted.
 */
export function gateMatrix(
  gate: Exclude<GateName, 'swap'>,
  params: readonly number[] = [],
): Matrix2 {
  const [a = 0, b = 0, c = 0] = params;
  switch (gate) {
    case 'h':
    case 'ch':
      return [R, 0, R, 0, R, 0, -R, 0];
    case 'x':
    case 'cx':
    case 'ccx':
      return [0, 0, 1, 0, 1, 0, 0, 0];
    case 'y':
    case 'cy':
      return [0, 0, 0, -1, 0, 1, 0, 0];
    case 'z':
    case 'cz':
      return [1, 0, 0, 0, 0, 0, -1, 0];
    case 's':
      return [1, 0, 0, 0, 0, 0, 0, 1];
    case 'sdg':
      return [1, 0, 0, 0, 0, 0, 0, -1];
    case 't':
      return [1, 0, 0, 0, 0, 0, R, R];
    case 'tdg':
      return [1, 0, 0, 0, 0, 0, R, -R];
    case 'rx': {
      const co = cos(a / 2);
      const si = sin(a / 2);
      return [co, 0, 0, -si, 0, -si, co, 0];
    }
    case 'ry': {
      const co = cos(a / 2);
      const si = sin(a / 2);
      return [co, 0, -si, 0, si, 0, co, 0];
    }
    case 'rz':
    case 'crz':
      return diag(-a / 2, a / 2);
    case 'u1':
    case 'cu1':
      return diag(0, a);
    case 'u2':
      return u3(Math.PI / 2, a, b);
    case 'u3':
      return u3(a, b, c);
  }
}

/** Product a·b of two 2×2 complex matrices (b applied first). */
export function multiply2(a: Matrix2, b: Matrix2): Matrix2 {
  const [a0r, a0i, a1r, a1i, a2r, a2i, a3r, a3i] = a;
  const [b0r, b0i, b1r, b1i, b2r, b2i, b3r, b3i] = b;
  return [
    a0r * b0r - a0i * b0i + a1r * b2r - a1i * b2i,
    a0r * b0i + a0i * b0r + a1r * b2i + a1i * b2r,
    a0r * b1r - a0i * b1i + a1r * b3r - a1i * b3i,
    a0r * b1i + a0i * b1r + a1r * b3i + a1i * b3r,
    a2r * b0r - a2i * b0i + a3r * b2r - a3i * b2i,
    a2r * b0i + a2i * b0r + a3r * b2i + a3i * b2r,
    a2r * b1r - a2i * b1i + a3r * b3r - a3i * b3i,
    a2r * b1i + a2i * b1r + a3r * b3i + a3i * b3r,
  ];
}
