// The examples say what they show; the simulator must agree (tolerance 1e-9).
import {
  blochVector,
  entanglementEntropy,
  parseQasm,
  probabilities,
  simulate,
} from '@alawein/quantum';
import { describe, expect, it } from 'vitest';
import { findExample } from './examples.ts';
import { topProbabilities } from './results.ts';

function run(id: string) {
  const example = findExample(id);
  if (!example) throw new Error(`no example ${id}`);
  const circuit = parseQasm(example.qasm);
  const state = simulate(circuit);
  return { circuit, state, top: topProbabilities(probabilities(state), circuit.numQubits, 8) };
}

describe('examples', () => {
  it('Bell: 00 and 11 at one half, each qubit maximally entangled', () => {
    const { state, top } = run('bell');
    expect(top.map((p) => p.state)).toEqual(['00', '11']);
    for (const p of top) expect(p.probability).toBeCloseTo(0.5, 9);
    expect(entanglementEntropy(state, [0])).toBeCloseTo(1, 9);
  });

  it('GHZ: 000 and 111 at one half', () => {
    expect(run('ghz').top.map((p) => [p.state, +p.probability.toFixed(9)])).toEqual([
      ['000', 0.5],
      ['111', 0.5],
    ]);
  });

  it('teleportation: q2 ends with the Bloch vector q0 started with', () => {
    const [x, y, z] = blochVector(run('teleportation').state, 2);
    expect(x).toBeCloseTo(Math.sin(Math.PI / 3), 9);
    expect(y).toBeCloseTo(0, 9);
    expect(z).toBeCloseTo(Math.cos(Math.PI / 3), 9);
  });

  it('Deutsch–Jozsa: a balanced oracle never gives input 000', () => {
    const { top } = run('deutsch-jozsa');
    const inputs = new Map<string, number>();
    for (const p of top)
      inputs.set(p.state.slice(1), (inputs.get(p.state.slice(1)) ?? 0) + p.probability);
    expect(inputs.get('111')).toBeCloseTo(1, 9);
  });

  it('Grover: 101 with probability 121/128', () => {
    const { top } = run('grover');
    expect(top[0]!.state).toBe('101');
    expect(top[0]!.probability).toBeCloseTo(121 / 128, 9);
  });

  it('QFT of |5⟩: eight equally likely outcomes', () => {
    const { top } = run('qft');
    expect(top).toHaveLength(8);
    for (const p of top) expect(p.probability).toBeCloseTo(1 / 8, 9);
  });
});
