import { GATE_NAMES, GATE_SHAPES, type Circuit, type Operation } from '../circuit.ts';
import { createRandom } from '../random.ts';
import type { StateVector } from '../state.ts';

/** A textbook 2×2 matrix as [[a, b], [c, d]] of [re, im] pairs, written independently of gates.ts. */
export type Literal = [[[number, number], [number, number]], [[number, number], [number, number]]];

export function circuitOf(numQubits: number, operations: Operation[]): Circuit {
  return { numQubits, cregs: [], operations };
}

/** Random single-qubit rotations and entanglers: a generic input state for gate checks. */
export function preparation(numQubits: number, seed: number): Operation[] {
  const random = createRandom(seed);
  const ops: Operation[] = [];
  for (let q = 0; q < numQubits; q++) {
    ops.push({
      gate: 'u3',
      targets: [q],
      params: [3 * random.next(), 6 * random.next(), 6 * random.next()],
    });
  }
  for (let q = 0; q + 1 < numQubits; q++) ops.push({ gate: 'cx', controls: [q], targets: [q + 1] });
  for (let q = 0; q < numQubits; q++)
    ops.push({ gate: 'ry', targets: [q], params: [3 * random.next()] });
  return ops;
}

/** Applies a literal 2×2 matrix to `target` where all `controls` are 1, out of place. */
export function applyLiteral(
  state: StateVector,
  m: Literal,
  target: number,
  controls: number[],
): StateVector {
  const re = Float64Array.from(state.re);
  const im = Float64Array.from(state.im);
  const bit = 1 << target;
  const cmask = controls.reduce((mask, q) => mask | (1 << q), 0);
  for (let i = 0; i < re.length; i++) {
    if (i & bit || (i & cmask) !== cmask) continue;
    const j = i | bit;
    const x: [number, number] = [state.re[i]!, state.im[i]!];
    const y: [number, number] = [state.re[j]!, state.im[j]!];
    const mul = (a: [number, number], b: [number, number]): [number, number] => [
      a[0] * b[0] - a[1] * b[1],
      a[0] * b[1] + a[1] * b[0],
    ];
    const [a, b] = m[0];
    const [c, d] = m[1];
    re[i] = mul(a, x)[0] + mul(b, y)[0];
    im[i] = mul(a, x)[1] + mul(b, y)[1];
    re[j] = mul(c, x)[0] + mul(d, y)[0];
    im[j] = mul(c, x)[1] + mul(d, y)[1];
  }
  return { numQubits: state.numQubits, re, im };
}

export function maxDifference(a: StateVector, b: StateVector): number {
  let max = 0;
  for (let i = 0; i < a.re.length; i++) {
    max = Math.max(max, Math.abs(a.re[i]! - b.re[i]!), Math.abs(a.im[i]! - b.im[i]!));
  }
  return max;
}

/** |⟨a|b⟩|: 1 when the states are equal up to a global phase. */
export function overlap(a: StateVector, b: StateVector): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < a.re.length; i++) {
    re += a.re[i]! * b.re[i]! + a.im[i]! * b.im[i]!;
    im += a.re[i]! * b.im[i]! - a.im[i]! * b.re[i]!;
  }
  return Math.hypot(re, im);
}

/** The uncontrolled one-qubit gates, and the two-qubit ones (one control, or swap). */
export const ONE_QUBIT = GATE_NAMES.filter(
  (g) => GATE_SHAPES[g].controls + GATE_SHAPES[g].targets === 1,
);
const TWO_QUBIT = GATE_NAMES.filter((g) => GATE_SHAPES[g].controls + GATE_SHAPES[g].targets === 2);

/** A random circuit using every supported gate, with controls and targets anywhere. */
export function randomCircuit(numQubits: number, gates: number, seed: number): Circuit {
  const random = createRandom(seed);
  const pick = (n: number): number => Math.floor(random.next() * n);
  const distinct = (count: number): number[] => {
    const qubits: number[] = [];
    while (qubits.length < count) {
      const q = pick(numQubits);
      if (!qubits.includes(q)) qubits.push(q);
    }
    return qubits;
  };
  const angle = (): number => (random.next() - 0.5) * 4 * Math.PI;
  const ops: Operation[] = [];
  for (let g = 0; g < gates; g++) {
    const kind = pick(10);
    if (kind < 5 || numQubits < 2) {
      const gate = ONE_QUBIT[pick(ONE_QUBIT.length)]!;
      const count = GATE_SHAPES[gate].params;
      const op: Operation = { gate, targets: distinct(1) };
      if (count > 0) op.params = Array.from({ length: count }, angle);
      ops.push(op);
    } else if (kind < 9 || numQubits < 3) {
      const gate = TWO_QUBIT[pick(TWO_QUBIT.length)]!;
      const [a = 0, b = 0] = distinct(2);
      const op: Operation =
        gate === 'swap' ? { gate, targets: [a, b] } : { gate, controls: [a], targets: [b] };
      if (gate === 'cu1' || gate === 'crz') op.params = [angle()];
      ops.push(op);
    } else {
      const [a = 0, b = 0, c = 0] = distinct(3);
      ops.push({ gate: 'ccx', controls: [a, b], targets: [c] });
    }
  }
  return circuitOf(numQubits, ops);
}
