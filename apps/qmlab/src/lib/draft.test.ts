import { type Circuit, parseQasm, simulate, toQasm } from '@alawein/quantum';
import { EXAMPLES } from '@alawein/qmlab-domain';
import { describe, expect, it } from 'vitest';
import {
  describeGate,
  formatTheta,
  fromCircuit,
  gateAt,
  makeGate,
  moveGate,
  placeGate,
  resize,
  toCircuit,
  type Draft,
} from './draft.ts';
import { commit, initHistory, redo, undo } from './history.ts';

const empty: Draft = { numQubits: 3, gates: [] };

describe('draft', () => {
  it('a Bell pair placed on the grid exports the QASM a learner expects', () => {
    let draft = placeGate(empty, makeGate('h', 0, [0]))!;
    draft = placeGate(draft, makeGate('cx', 1, [1], [0]))!;
    draft = resize(draft, 2);
    expect(toQasm(toCircuit(draft))).toBe(
      'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0];\ncx q[0],q[1];\n',
    );
  });

  it('a multi-qubit gate blocks the wires it spans; a letter over a one-qubit gate replaces it', () => {
    let draft = placeGate(empty, makeGate('cx', 0, [2], [0]))!;
    expect(gateAt(draft, 1, 0)?.gate).toBe('cx');
    expect(placeGate(draft, makeGate('h', 0, [1]))).toBeNull();
    draft = placeGate(draft, makeGate('h', 1, [1]))!;
    draft = placeGate(draft, makeGate('x', 1, [1]))!;
    expect(draft.gates.map((g) => g.gate)).toEqual(['cx', 'x']);
  });

  it('moving a gate stays on the grid and off other gates', () => {
    const h = makeGate('h', 0, [0]);
    const draft = placeGate(placeGate(empty, h)!, makeGate('x', 1, [0]))!;
    expect(moveGate(draft, h.id, 0, 1)).toBeNull();
    expect(moveGate(draft, h.id, -1, 0)).toBeNull();
    expect(gateAt(moveGate(draft, h.id, 2, 0)!, 2, 0)?.id).toBe(h.id);
  });

  it('every example survives QASM → grid → QASM: same operations per wire, same state', () => {
    const perWire = (circuit: Circuit) =>
      Array.from({ length: circuit.numQubits }, (_, q) =>
        circuit.operations
          .filter((op) => [...op.targets, ...(op.controls ?? [])].includes(q))
          .map((op) => `${op.gate}${JSON.stringify([op.controls, op.targets, op.params])}`),
      );
    for (const example of EXAMPLES) {
      const circuit = parseQasm(example.qasm);
      const back = toCircuit(fromCircuit(circuit));
      expect(perWire(back)).toEqual(perWire(circuit));
      expect(parseQasm(toQasm(back))).toEqual(back);
      const [a, b] = [simulate(circuit), simulate(back)];
      for (let i = 0; i < a.re.length; i++) {
        expect(b.re[i]).toBeCloseTo(a.re[i]!, 12);
        expect(b.im[i]).toBeCloseTo(a.im[i]!, 12);
      }
    }
  });

  it('removing wires drops the gates on them', () => {
    const draft = placeGate(empty, makeGate('cx', 0, [2], [0]))!;
    expect(resize(draft, 2).gates).toEqual([]);
    expect(resize(draft, 99).numQubits).toBe(24);
  });

  it('gates are described in words and angles in multiples of π', () => {
    expect(describeGate(makeGate('cx', 0, [1], [0]))).toBe('CNOT, control q0, target q1');
    expect(describeGate(makeGate('rx', 0, [2]))).toBe('RX(π/2) on q2');
    expect(formatTheta(-Math.PI)).toBe('−π');
    expect(formatTheta((3 * Math.PI) / 4)).toBe('3π/4');
    expect(formatTheta(0.5)).toBe('0.500');
  });
});

describe('history', () => {
  it('undoes and redoes, and a new change drops the redo branch', () => {
    let h = commit(commit(initHistory(1), 2), 3);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    h = redo(h);
    expect(h.present).toBe(2);
    h = commit(h, 4);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
    expect(undo(initHistory(0)).present).toBe(0);
  });
});
