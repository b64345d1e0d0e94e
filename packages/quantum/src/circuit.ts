/**
 * The circuit model the builder edits, the QASM parser produces and the simulator runs.
 * Plain JSON: numbers, strings and arrays only, so it survives `postMessage`, `JSON.stringify`
 * and a database column unchanged.
 */

/** The unitary gates of OpenQASM 2.0's `qelib1.inc` that QMLab supports. */
export const GATE_NAMES = [
  'h',
  'x',
  'y',
  'z',
  's',
  'sdg',
  't',
  'tdg',
  'rx',
  'ry',
  'rz',
  'u1',
  'u2',
  'u3',
  'cx',
  'cz',
  'cy',
  'ch',
  'swap',
  'ccx',
  'cu1',
  'crz',
] as const;

export type GateName = (typeof GATE_NAMES)[number];

/** Everything an operation can be: a unitary gate, or one of the non-unitary instructions. */
export type OperationName = GateName | 'measure' | 'reset' | 'barrier';

/**
 * One step of a circuit. Qubits are global indices (registers concatenated in declaration
 * order). Controlled gates list their control qubits in `controls` and the qubit they act on
 * in `targets` (`cx` → controls [c], targets [t]; `ccx` → controls [a, b]; `swap` → targets
 * [a, b]). `measure` has `clbits: [c]` (a global classical bit index); `barrier` lists the
 * qubits it spans.
 */
export interface Operation {
  gate: OperationName;
  targets: number[];
  controls?: number[];
  params?: number[];
  clbits?: number[];
}

/** A named register; registers are laid out one after the other from index 0. */
export interface Register {
  name: string;
  size: number;
}

/** A quantum circuit: qubit 0 is the least significant bit of a basis-state index. */
export interface Circuit {
  numQubits: number;
  /** Qubit registers in declaration order; absent means one register `q` of `numQubits`. */
  qregs?: Register[];
  /** Classical registers in declaration order (may be empty). */
  cregs: Register[];
  operations: Operation[];
}

/** Shape of each gate: how many controls, targets and angle parameters it takes. */
export interface GateShape {
  controls: number;
  targets: number;
  params: number;
}

export const GATE_SHAPES: Readonly<Record<GateName, GateShape>> = {
  h: { controls: 0, targets: 1, params: 0 },
  x: { controls: 0, targets: 1, params: 0 },
  y: { controls: 0, targets: 1, params: 0 },
  z: { controls: 0, targets: 1, params: 0 },
  s: { controls: 0, targets: 1, params: 0 },
  sdg: { controls: 0, targets: 1, params: 0 },
  t: { controls: 0, targets: 1, params: 0 },
  tdg: { controls: 0, targets: 1, params: 0 },
  rx: { controls: 0, targets: 1, params: 1 },
  ry: { controls: 0, targets: 1, params: 1 },
  rz: { controls: 0, targets: 1, params: 1 },
  u1: { controls: 0, targets: 1, params: 1 },
  u2: { controls: 0, targets: 1, params: 2 },
  u3: { controls: 0, targets: 1, params: 3 },
  cx: { controls: 1, targets: 1, params: 0 },
  cz: { controls: 1, targets: 1, params: 0 },
  cy: { controls: 1, targets: 1, params: 0 },
  ch: { controls: 1, targets: 1, params: 0 },
  swap: { controls: 0, targets: 2, params: 0 },
  ccx: { controls: 2, targets: 1, params: 0 },
  cu1: { controls: 1, targets: 1, params: 1 },
  crz: { controls: 1, targets: 1, params: 1 },
};

/** Largest circuit the simulator accepts (2^30 amplitudes = 16 GiB would not fit anyway). */
export const MAX_QUBITS = 30;

export function isGateName(name: string): name is GateName {
  return Object.hasOwn(GATE_SHAPES, name);
}

/** Thrown by `validateCircuit` (and so by `simulate`/`toQasm`) for a malformed circuit. */
export class CircuitError extends Error {
  constructor(
    message: string,
    /** Index of the offending operation, when there is one. */
    readonly operation?: number,
  ) {
    super(message);
    this.name = 'CircuitError';
  }
}

function totalSize(registers: readonly Register[]): number {
  return registers.reduce((sum, r) => sum + r.size, 0);
}

/** Number of classical bits of a circuit (its classical registers concatenated). */
export function numClbits(circuit: Circuit): number {
  return totalSize(circuit.cregs);
}

/** Checks a circuit built by hand (e.g. by the builder) is well formed; throws `CircuitError`. */
export function validateCircuit(circuit: Circuit): void {
  const n = circuit.numQubits;
  if (!Number.isInteger(n) || n < 1 || n > MAX_QUBITS) {
    throw new CircuitError(`numQubits must be a whole number from 1 to ${MAX_QUBITS}, got ${n}`);
  }
  const nameRe = /^[a-z][A-Za-z0-9_]*$/;
  const seen = new Set<string>();
  for (const r of [...(circuit.qregs ?? []), ...circuit.cregs]) {
    if (!nameRe.test(r.name) || !Number.isInteger(r.size) || r.size < 1) {
      throw new CircuitError(
        `register ${JSON.stringify(r.name)} needs a lowercase name and size ≥ 1`,
      );
    }
    if (seen.has(r.name)) throw new CircuitError(`register ${r.name} is declared twice`);
    seen.add(r.name);
  }
  if (circuit.qregs && totalSize(circuit.qregs) !== n) {
    throw new CircuitError(`qregs hold ${totalSize(circuit.qregs)} qubits but numQubits is ${n}`);
  }
  const clbits = numClbits(circuit);
  circuit.operations.forEach((op, index) => validateOperation(op, index, n, clbits));
}

function checkQubits(list: readonly number[], n: number, index: number, gate: string): void {
  for (const q of list) {
    if (!Number.isInteger(q) || q < 0 || q >= n) {
      throw new CircuitError(`${gate}: qubit ${q} is not in 0..${n - 1}`, index);
    }
  }
}

function validateOperation(op: Operation, index: number, n: number, clbits: number): void {
  const controls = op.controls ?? [];
  const params = op.params ?? [];
  checkQubits(op.targets, n, index, op.gate);
  checkQubits(controls, n, index, op.gate);
  if (op.gate === 'barrier') {
    if (op.targets.length === 0) throw new CircuitError('barrier needs at least one qubit', index);
    return;
  }
  if (op.gate === 'measure' || op.gate === 'reset') {
    if (op.targets.length !== 1 || controls.length > 0 || params.length > 0) {
      throw new CircuitError(`${op.gate} acts on exactly one qubit`, index);
    }
    if (op.gate === 'measure') {
      const c = op.clbits?.[0];
      if (
        op.clbits?.length !== 1 ||
        c === undefined ||
        !Number.isInteger(c) ||
        c < 0 ||
        c >= clbits
      ) {
        throw new CircuitError(`measure needs one classical bit in 0..${clbits - 1}`, index);
      }
    }
    return;
  }
  if (!isGateName(op.gate)) throw new CircuitError(`unknown gate ${String(op.gate)}`, index);
  const shape = GATE_SHAPES[op.gate];
  if (controls.length !== shape.controls || op.targets.length !== shape.targets) {
    throw new CircuitError(
      `${op.gate} takes ${shape.controls} control(s) and ${shape.targets} target(s)`,
      index,
    );
  }
  if (params.length !== shape.params || params.some((p) => !Number.isFinite(p))) {
    throw new CircuitError(`${op.gate} takes ${shape.params} finite angle parameter(s)`, index);
  }
  const qubits = [...controls, ...op.targets];
  if (new Set(qubits).size !== qubits.length) {
    throw new CircuitError(`${op.gate} uses the same qubit twice`, index);
  }
}
