import { blochVector, parseQasm, probabilities, sample, simulate } from '@alawein/quantum';
import type { SimulationResponse } from '@alawein/quantum/worker';
import { findExample } from '@alawein/qmlab-domain';
import { describe, expect, it } from 'vitest';
import { summarise } from './lab-result.ts';

/** What the worker answers for `qasm`, computed here with the same package. */
function respond(qasm: string, shots: number): SimulationResponse {
  const state = simulate(parseQasm(qasm));
  const n = state.numQubits;
  const bloch = Array.from({ length: n }, (_, q) => blochVector(state, q));
  return {
    numQubits: n,
    re: state.re,
    im: state.im,
    probabilities: probabilities(state),
    counts: sample(state, shots, 1),
    bloch,
    entanglement: bloch.map(() => 1),
    outcomes: [],
    passes: state.passes,
    backend: 'js',
    durationMs: 1,
  };
}

describe('summarise', () => {
  it('a Bell pair: every state in the histogram, the top two for runs, four amplitude rows', () => {
    const qasm = findExample('bell')!.qasm;
    const result = summarise(parseQasm(qasm), 1000, respond(qasm, 1000));
    expect(result.histogram.map((p) => [p.state, +p.probability.toFixed(12)])).toEqual([
      ['00', 0.5],
      ['01', 0],
      ['10', 0],
      ['11', 0.5],
    ]);
    expect(result.top.map((p) => p.state)).toEqual(['00', '11']);
    expect(result.amplitudes).toHaveLength(4);
    expect(result.amplitudes[3]!.re).toBeCloseTo(Math.SQRT1_2, 12);
    expect(result.gateCount).toBe(4);
    expect(result.counts['00']! + result.counts['11']!).toBe(1000);
  });

  it('above 6 qubits only the most likely amplitudes are listed, in basis order', () => {
    const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', 'qreg q[7];', 'h q[0];', 'h q[6];'];
    const qasm = lines.join('\n');
    const result = summarise(parseQasm(qasm), 10, respond(qasm, 10));
    expect(result.amplitudesComplete).toBe(false);
    expect(result.amplitudes.map((row) => row.state)).toEqual([
      '0000000',
      '0000001',
      '1000000',
      '1000001',
    ]);
    expect(result.histogram).toHaveLength(4);
  });
});
