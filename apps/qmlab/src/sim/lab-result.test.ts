import { entanglementEntropy, parseQasm, simulate } from '@alawein/quantum';
import { findExample } from '@alawein/qmlab-domain';
import { describe, expect, it } from 'vitest';
import { computeLabResult, entropyFromBloch } from './lab-result.ts';

describe('computeLabResult', () => {
  it('a Bell pair: 50/50 histogram, both qubits entangled, Bloch vectors at the centre', () => {
    const circuit = parseQasm(findExample('bell')!.qasm);
    const result = computeLabResult(circuit, 1000, 3);
    expect(result.histogram.map((p) => [p.state, +p.probability.toFixed(12)])).toEqual([
      ['00', 0.5],
      ['01', 0],
      ['10', 0],
      ['11', 0.5],
    ]);
    for (const q of result.qubits) {
      expect(q.entropy).toBeCloseTo(1, 9);
      expect(Math.hypot(...q.bloch)).toBeCloseTo(0, 9);
    }
    expect(result.counts['00']! + result.counts['11']!).toBe(1000);
    expect(result.amplitudes).toHaveLength(4);
    expect(result.amplitudes[3]!.re).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('the entropy from the Bloch vector equals the simulator’s reduced-state entropy', () => {
    for (const id of ['teleportation', 'grover', 'qft']) {
      const circuit = parseQasm(findExample(id)!.qasm);
      const state = simulate(circuit);
      const result = computeLabResult(circuit, 10, 1);
      for (const q of result.qubits) {
        expect(q.entropy).toBeCloseTo(entanglementEntropy(state, [q.qubit]), 9);
      }
    }
    expect(entropyFromBloch([0, 0, 1])).toBe(0);
  });
});
