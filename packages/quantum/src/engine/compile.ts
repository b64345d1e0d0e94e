import { validateCircuit, type Circuit, type GateName } from '../circuit.ts';
import { gateMatrix, multiply2, type Matrix2 } from '../gates.ts';

/** How a 2×2 matrix is applied (see kernels.ts); SWAP is its own kind. */
export const Kind = {
  general: 0,
  real: 1,
  diagonal: 2,
  phase: 3,
  antiDiagonal: 4,
  flip: 5,
  swap: 6,
  /** Real diagonal, imaginary off-diagonal: rx. */
  rotationX: 7,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** A unitary step: `matrix` on `qubit` when every qubit in `controls` (a bit mask) is 1. */
export interface GateStep {
  type: 'gate';
  kind: Kind;
  qubit: number;
  /** The second qubit of a SWAP (−1 otherwise). */
  qubit2: number;
  controls: number;
  matrix: Matrix2;
}

/** A measurement whose outcome matters (a later operation touches the qubit). */
export interface MeasureStep {
  type: 'measure';
  qubit: number;
  clbit: number;
  operation: number;
}

export interface ResetStep {
  type: 'reset';
  qubit: number;
}

export type Step = GateStep | MeasureStep | ResetStep;

/** Picks the cheapest exact kernel for a matrix (exact zero tests: no approximation). */
export function classify(m: Matrix2): Kind {
  const [ar, ai, br, bi, cr, ci, dr, di] = m;
  const offZero = br === 0 && bi === 0 && cr === 0 && ci === 0;
  if (offZero) return ar === 1 && ai === 0 ? Kind.phase : Kind.diagonal;
  if (ar === 0 && ai === 0 && dr === 0 && di === 0) {
    return br === 1 && bi === 0 && cr === 1 && ci === 0 ? Kind.flip : Kind.antiDiagonal;
  }
  if (ai === 0 && bi === 0 && ci === 0 && di === 0) return Kind.real;
  return ai === 0 && di === 0 && br === 0 && cr === 0 ? Kind.rotationX : Kind.general;
}

export function gateStep(qubit: number, controls: number, matrix: Matrix2): GateStep {
  return { type: 'gate', kind: classify(matrix), qubit, qubit2: -1, controls, matrix };
}

/** Composes `next` after `step` (same qubit, no controls). */
export function fuseSteps(step: GateStep, next: GateStep): GateStep {
  return gateStep(step.qubit, 0, multiply2(next.matrix, step.matrix));
}

/**
 * Turns a circuit into simulator steps. Barriers vanish; a measurement after which nothing
 * touches its qubit is left out (the state returned is the one before final measurements).
 */
export function compileCircuit(circuit: Circuit): Step[] {
  validateCircuit(circuit);
  const ops = circuit.operations;
  // touchedLater[i]: some unitary or reset after operation i acts on the qubit of i.
  const lastTouch = new Array<number>(circuit.numQubits).fill(-1);
  ops.forEach((op, index) => {
    if (op.gate === 'measure' || op.gate === 'barrier') return;
    for (const q of [...op.targets, ...(op.controls ?? [])]) lastTouch[q] = index;
  });
  const steps: Step[] = [];
  ops.forEach((op, index) => {
    switch (op.gate) {
      case 'barrier':
        return;
      case 'measure': {
        const qubit = op.targets[0]!;
        if (lastTouch[qubit]! > index) {
          steps.push({ type: 'measure', qubit, clbit: op.clbits?.[0] ?? 0, operation: index });
        }
        return;
      }
      case 'reset':
        steps.push({ type: 'reset', qubit: op.targets[0]! });
        return;
      case 'swap': {
        const [a = 0, b = 0] = op.targets;
        const identity: Matrix2 = [1, 0, 0, 0, 0, 0, 1, 0];
        steps.push({
          type: 'gate',
          kind: Kind.swap,
          qubit: Math.min(a, b),
          qubit2: Math.max(a, b),
          controls: 0,
          matrix: identity,
        });
        return;
      }
      default: {
        const gate: Exclude<GateName, 'swap'> = op.gate;
        const controls = (op.controls ?? []).reduce((mask, q) => mask | (1 << q), 0);
        steps.push(gateStep(op.targets[0]!, controls, gateMatrix(gate, op.params)));
      }
    }
  });
  return steps;
}
