// The builder's model: gates placed on a grid of qubit wires × time steps. It converts to and
// from the simulator's Circuit (operations in time order), which is what QASM, the worker and
// the API see. A gate occupies every wire between its lowest and highest qubit at its step, so
// the vertical line of a multi-qubit gate never crosses another gate.
import {
  GATE_SHAPES,
  type Circuit,
  type GateName,
  type Operation,
  type OperationName,
} from '@alawein/quantum';

export const MIN_QUBITS = 1;
export const MAX_BUILDER_QUBITS = 24;

/** An operation the builder shows: any gate, a measurement or a reset (barriers only lay out). */
export type DraftGateName = Exclude<OperationName, 'barrier'>;

export interface PlacedGate {
  id: number;
  step: number;
  gate: DraftGateName;
  targets: number[];
  controls: number[];
  params: number[];
}

export interface Draft {
  numQubits: number;
  gates: PlacedGate[];
}

export const EMPTY_DRAFT: Draft = { numQubits: 2, gates: [] };

let nextId = 1;
/** A fresh id for a placed gate (ids only need to be unique within a session). */
export function newGateId(): number {
  return nextId++;
}

export function qubitsOf(gate: Pick<PlacedGate, 'targets' | 'controls'>): number[] {
  return [...gate.controls, ...gate.targets];
}

/** The wires a gate covers at its step: from its lowest to its highest qubit. */
export function spanOf(gate: Pick<PlacedGate, 'targets' | 'controls'>): [number, number] {
  const qubits = qubitsOf(gate);
  return [Math.min(...qubits), Math.max(...qubits)];
}

/** The gate covering (qubit, step), if any. */
export function gateAt(draft: Draft, qubit: number, step: number): PlacedGate | undefined {
  return draft.gates.find((gate) => {
    if (gate.step !== step) return false;
    const [low, high] = spanOf(gate);
    return qubit >= low && qubit <= high;
  });
}

/** Whether `gate` fits at its step without overlapping any gate other than `ignore`. */
export function fits(draft: Draft, gate: PlacedGate, ignore?: number): boolean {
  const [low, high] = spanOf(gate);
  if (low < 0 || high >= draft.numQubits || gate.step < 0) return false;
  return draft.gates.every((other) => {
    if (other.id === ignore || other.step !== gate.step) return true;
    const [otherLow, otherHigh] = spanOf(other);
    return otherHigh < low || otherLow > high;
  });
}

/** Steps the grid shows: every used step and room to add more. */
export function stepCount(draft: Draft): number {
  const last = draft.gates.reduce((max, gate) => Math.max(max, gate.step), -1);
  return Math.max(8, last + 3);
}

export function isParametrised(gate: DraftGateName): boolean {
  return gate !== 'measure' && gate !== 'reset' && GATE_SHAPES[gate].params > 0;
}

/** The simulator's circuit: gates in step order; measurement of q[i] goes to c[i]. */
export function toCircuit(draft: Draft): Circuit {
  const ordered = [...draft.gates].sort((a, b) => a.step - b.step || spanOf(a)[0] - spanOf(b)[0]);
  const measures = ordered.some((gate) => gate.gate === 'measure');
  const operations = ordered.map((gate): Operation => {
    const op: Operation = { gate: gate.gate, targets: [...gate.targets] };
    if (gate.controls.length > 0) op.controls = [...gate.controls];
    if (gate.params.length > 0) op.params = [...gate.params];
    if (gate.gate === 'measure') op.clbits = [gate.targets[0]!];
    return op;
  });
  return {
    numQubits: draft.numQubits,
    qregs: [{ name: 'q', size: draft.numQubits }],
    cregs: measures ? [{ name: 'c', size: draft.numQubits }] : [],
    operations,
  };
}

/**
 * Lays a circuit out on the grid: each operation at the earliest step after the previous
 * operations on the wires it spans. Barriers only push later gates right. Classical bit
 * indices are not kept (the builder measures q[i] into c[i]).
 */
export function fromCircuit(circuit: Circuit): Draft {
  const free = new Array<number>(circuit.numQubits).fill(0);
  const gates: PlacedGate[] = [];
  for (const op of circuit.operations) {
    const controls = op.controls ?? [];
    const [low, high] = spanOf({ targets: op.targets, controls });
    let step = 0;
    for (let q = low; q <= high; q++) step = Math.max(step, free[q]!);
    if (op.gate === 'barrier') {
      for (let q = low; q <= high; q++) free[q] = step;
      continue;
    }
    for (let q = low; q <= high; q++) free[q] = step + 1;
    gates.push({
      id: newGateId(),
      step,
      gate: op.gate,
      targets: [...op.targets],
      controls: [...controls],
      params: [...(op.params ?? [])],
    });
  }
  return { numQubits: circuit.numQubits, gates };
}

/** The draft with `gate` added (replacing a gate at exactly its cells' single wire), or null. */
export function placeGate(draft: Draft, gate: PlacedGate): Draft | null {
  const [low, high] = spanOf(gate);
  // Typing a letter over a single-qubit gate replaces it, like overwriting a character.
  const replaced =
    low === high
      ? draft.gates.find(
          (other) =>
            other.step === gate.step && spanOf(other)[0] === low && spanOf(other)[1] === low,
        )
      : undefined;
  if (!fits(draft, gate, replaced?.id)) return null;
  return {
    ...draft,
    gates: [...draft.gates.filter((other) => other.id !== replaced?.id), gate],
  };
}

export function removeGate(draft: Draft, id: number): Draft {
  return { ...draft, gates: draft.gates.filter((gate) => gate.id !== id) };
}

/** Moves a gate by whole steps and wires; null when it would leave the grid or overlap. */
export function moveGate(draft: Draft, id: number, dQubit: number, dStep: number): Draft | null {
  const gate = draft.gates.find((g) => g.id === id);
  if (!gate) return null;
  const moved: PlacedGate = {
    ...gate,
    step: gate.step + dStep,
    targets: gate.targets.map((q) => q + dQubit),
    controls: gate.controls.map((q) => q + dQubit),
  };
  if (!fits(draft, moved, id)) return null;
  return { ...draft, gates: draft.gates.map((g) => (g.id === id ? moved : g)) };
}

export function updateGate(draft: Draft, id: number, change: Partial<PlacedGate>): Draft {
  return { ...draft, gates: draft.gates.map((g) => (g.id === id ? { ...g, ...change } : g)) };
}

/** Changes the number of wires; gates on removed wires are dropped. */
export function resize(draft: Draft, numQubits: number): Draft {
  const n = Math.min(MAX_BUILDER_QUBITS, Math.max(MIN_QUBITS, numQubits));
  return {
    numQubits: n,
    gates: draft.gates.filter((gate) => spanOf(gate)[1] < n),
  };
}

const NAMES: Partial<Record<DraftGateName, string>> = {
  cx: 'CNOT',
  cz: 'controlled Z',
  cy: 'controlled Y',
  ch: 'controlled H',
  ccx: 'Toffoli',
  swap: 'SWAP',
  measure: 'measurement',
  reset: 'reset',
  sdg: 'S dagger',
  tdg: 'T dagger',
};

/** A gate's name as a learner reads it: "H", "RX", "CNOT", "measurement". */
export function gateName(gate: DraftGateName): string {
  return NAMES[gate] ?? gate.toUpperCase();
}

/** Angle in radians as a short text, in multiples of π when it is one (π/2, 3π/4, −π). */
export function formatTheta(theta: number): string {
  const ratio = theta / Math.PI;
  for (const denominator of [1, 2, 3, 4, 6, 8, 16]) {
    const numerator = Math.round(ratio * denominator);
    if (numerator !== 0 && Math.abs(ratio * denominator - numerator) < 1e-9) {
      const sign = numerator < 0 ? '−' : '';
      const n = Math.abs(numerator);
      return `${sign}${n === 1 ? '' : n}π${denominator === 1 ? '' : `/${denominator}`}`;
    }
  }
  return theta === 0 ? '0' : theta.toFixed(3);
}

/** What a screen reader hears for a gate: "CNOT, control q0, target q1", "RX(π/2) on q0". */
export function describeGate(gate: PlacedGate): string {
  const params = gate.params.length > 0 ? `(${gate.params.map(formatTheta).join(', ')})` : '';
  const name = `${gateName(gate.gate)}${params}`;
  if (gate.controls.length > 0) {
    return `${name}, control ${gate.controls.map((q) => `q${q}`).join(' and ')}, target ${gate.targets.map((q) => `q${q}`).join(' and ')}`;
  }
  return `${name} on ${gate.targets.map((q) => `q${q}`).join(' and ')}`;
}

/** A new single-qubit or controlled gate with its default angle (π/2). */
export function makeGate(
  gate: GateName | 'measure',
  step: number,
  targets: number[],
  controls: number[] = [],
): PlacedGate {
  const params =
    gate === 'measure' ? [] : Array.from({ length: GATE_SHAPES[gate].params }, () => Math.PI / 2);
  return { id: newGateId(), step, gate, targets, controls, params };
}
