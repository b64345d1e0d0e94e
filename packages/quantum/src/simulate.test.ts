import { describe, expect, it } from 'vitest';
import type { GateName, Operation } from './circuit.ts';
import { compileCircuit, type GateStep } from './engine/compile.ts';
import { applyStepsReference } from './engine/reference.ts';
import { planPasses } from './engine/schedule.ts';
import { ghzCircuit, qftCircuit, randomLayeredCircuit } from './library.ts';
import { parseQasm } from './qasm/parse.ts';
import { simulate } from './simulate.ts';
import {
  blochVector,
  entanglementEntropy,
  norm,
  probabilities,
  sample,
  type StateVector,
} from './state.ts';
import {
  ONE_QUBIT,
  applyLiteral,
  circuitOf,
  maxDifference,
  overlap,
  preparation,
  randomCircuit,
  type Literal,
} from './test/helpers.ts';

const S = Math.SQRT1_2;
const TOL = 1e-12;

function reference(circuit: ReturnType<typeof circuitOf>): StateVector {
  const re = new Float64Array(2 ** circuit.numQubits);
  const im = new Float64Array(re.length);
  re[0] = 1;
  const steps = compileCircuit(circuit).filter((s): s is GateStep => s.type === 'gate');
  applyStepsReference(re, im, steps);
  return { numQubits: circuit.numQubits, re, im };
}

describe('known states', () => {
  it('Bell pair: (|00⟩ + |11⟩)/√2, maximally entangled', () => {
    const state = simulate(parseQasm('qreg q[2]; h q[0]; cx q[0],q[1];'));
    [S, 0, 0, S].forEach((x, i) => expect(state.re[i]).toBeCloseTo(x, 15));
    expect(Array.from(state.im)).toEqual([0, 0, 0, 0]);
    expect(entanglementEntropy(state, [0])).toBeCloseTo(1, 12);
    expect(blochVector(state, 1).map((x) => Math.abs(x))).toEqual([0, 0, 0]);
  });

  it('GHZ on 5 qubits: only |00000⟩ and |11111⟩, each 1/2', () => {
    const p = probabilities(simulate(ghzCircuit(5)));
    expect(p[0]).toBeCloseTo(0.5, 15);
    expect(p[31]).toBeCloseTo(0.5, 15);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(p.filter((x) => x > 0)).toHaveLength(2);
  });

  it('QFT of a basis state |x⟩ gives e^{2πi·xy/2ⁿ}/√2ⁿ', () => {
    for (const [n, x] of [
      [4, 5],
      [6, 19],
    ] as const) {
      const state = simulate(qftCircuit(n, x));
      const size = 2 ** n;
      for (let y = 0; y < size; y++) {
        const phase = (2 * Math.PI * x * y) / size;
        expect(Math.abs(state.re[y]! - Math.cos(phase) / Math.sqrt(size))).toBeLessThan(TOL);
        expect(Math.abs(state.im[y]! - Math.sin(phase) / Math.sqrt(size))).toBeLessThan(TOL);
      }
    }
  });

  it('Grover on 3 qubits finds |101⟩ with probability sin²(5·asin(1/√8)) after two iterations', () => {
    const oracle = 'x q[1]; h q[2]; ccx q[0],q[1],q[2]; h q[2]; x q[1];';
    const diffusion = 'h q; x q; h q[2]; ccx q[0],q[1],q[2]; h q[2]; x q; h q;';
    const program = `OPENQASM 2.0; include "qelib1.inc"; qreg q[3]; h q; ${oracle} ${diffusion} ${oracle} ${diffusion}`;
    const p = probabilities(simulate(parseQasm(program)));
    expect(p[0b101]).toBeCloseTo(Math.sin(5 * Math.asin(1 / Math.sqrt(8))) ** 2, 12);
    expect(p[0b101]).toBeCloseTo(0.9453125, 12);
  });

  it('teleportation: q[2] ends in the input state whatever the mid-circuit outcomes, each 1/4', () => {
    const [theta, phi] = [1.1, 0.7];
    const program = `qreg q[3]; creg c[2];
      u3(${theta},${phi},0) q[0];
      h q[1]; cx q[1],q[2];
      cx q[0],q[1]; h q[0];
      measure q[0] -> c[0]; measure q[1] -> c[1];
      cx q[1],q[2]; cz q[0],q[2];`;
    const circuit = parseQasm(program);
    const expected = [
      Math.sin(theta) * Math.cos(phi),
      Math.sin(theta) * Math.sin(phi),
      Math.cos(theta),
    ];
    const tally = [0, 0, 0, 0];
    const runs = 200;
    for (let seed = 0; seed < runs; seed++) {
      const result = simulate(circuit, { seed });
      expect(result.outcomes.map((o) => o.clbit)).toEqual([0, 1]);
      const [m0, m1] = result.outcomes.map((o) => o.value);
      tally[m0! + 2 * m1!]!++;
      const bloch = blochVector(result, 2);
      bloch.forEach((v, k) => expect(Math.abs(v - expected[k]!)).toBeLessThan(1e-12));
      expect(Math.abs(norm(result) - 1)).toBeLessThan(TOL);
    }
    // Each outcome has probability 1/4: 5 standard deviations is ±31 of 200.
    for (const count of tally) expect(Math.abs(count - runs / 4)).toBeLessThan(31);
    // Same seed, same outcomes.
    expect(simulate(circuit, { seed: 7 }).outcomes).toEqual(
      simulate(circuit, { seed: 7 }).outcomes,
    );
  });

  it('final measurements leave the state before measurement; reset returns a qubit to |0⟩', () => {
    const measured = simulate(
      parseQasm('qreg q[2]; creg c[2]; h q[0]; cx q[0],q[1]; measure q -> c;'),
    );
    expect(measured.outcomes).toEqual([]);
    expect(probabilities(measured)[3]).toBeCloseTo(0.5, 15);
    for (let seed = 0; seed < 20; seed++) {
      const reset = simulate(parseQasm('qreg q[2]; h q[0]; cx q[0],q[1]; reset q[0];'), { seed });
      const z = blochVector(reset, 0)[2];
      expect(z).toBeCloseTo(1, 12);
      expect(Math.abs(blochVector(reset, 1)[2])).toBeCloseTo(1, 12);
    }
  });
});

/** Textbook matrices, written out here rather than taken from gates.ts. */
function literal(gate: GateName, p: number[]): Literal {
  const [a = 0, b = 0, c = 0] = p;
  const e = (phase: number, scale = 1): [number, number] => [
    scale * Math.cos(phase),
    scale * Math.sin(phase),
  ];
  const u3 = (t: number, f: number, l: number): Literal => [
    [e(0, Math.cos(t / 2)), e(l + Math.PI, Math.sin(t / 2))],
    [e(f, Math.sin(t / 2)), e(f + l, Math.cos(t / 2))],
  ];
  switch (gate) {
    case 'h':
    case 'ch':
      return [
        [
          [S, 0],
          [S, 0],
        ],
        [
          [S, 0],
          [-S, 0],
        ],
      ];
    case 'x':
    case 'cx':
    case 'ccx':
      return [
        [
          [0, 0],
          [1, 0],
        ],
        [
          [1, 0],
          [0, 0],
        ],
      ];
    case 'y':
    case 'cy':
      return [
        [
          [0, 0],
          [0, -1],
        ],
        [
          [0, 1],
          [0, 0],
        ],
      ];
    case 'z':
    case 'cz':
      return [
        [e(0), [0, 0]],
        [[0, 0], e(Math.PI)],
      ];
    case 's':
      return [
        [e(0), [0, 0]],
        [[0, 0], e(Math.PI / 2)],
      ];
    case 'sdg':
      return [
        [e(0), [0, 0]],
        [[0, 0], e(-Math.PI / 2)],
      ];
    case 't':
      return [
        [e(0), [0, 0]],
        [[0, 0], e(Math.PI / 4)],
      ];
    case 'tdg':
      return [
        [e(0), [0, 0]],
        [[0, 0], e(-Math.PI / 4)],
      ];
    case 'rx':
      return [
        [e(0, Math.cos(a / 2)), e(-Math.PI / 2, Math.sin(a / 2))],
        [e(-Math.PI / 2, Math.sin(a / 2)), e(0, Math.cos(a / 2))],
      ];
    case 'ry':
      return [
        [e(0, Math.cos(a / 2)), e(Math.PI, Math.sin(a / 2))],
        [e(0, Math.sin(a / 2)), e(0, Math.cos(a / 2))],
      ];
    case 'rz':
    case 'crz':
      return [
        [e(-a / 2), [0, 0]],
        [[0, 0], e(a / 2)],
      ];
    case 'u1':
    case 'cu1':
      return [
        [e(0), [0, 0]],
        [[0, 0], e(a)],
      ];
    case 'u2':
      return u3(Math.PI / 2, a, b);
    case 'u3':
      return u3(a, b, c);
    case 'swap':
      throw new Error('swap has no 2×2 form');
  }
}

describe('every qelib1 gate matches its matrix', () => {
  const n = 4;
  const prep = preparation(n, 3);
  const before = simulate(circuitOf(n, prep));
  const cases: [GateName, number[], number[], number[]][] = [];
  const params: Partial<Record<GateName, number[]>> = {
    rx: [0.83],
    ry: [-1.7],
    rz: [2.4],
    u1: [0.61],
    u2: [0.3, -1.2],
    u3: [1.9, 0.4, -2.2],
    cu1: [1.3],
    crz: [-0.77],
  };
  for (const gate of ONE_QUBIT) {
    for (const t of [0, 1, 3]) cases.push([gate, params[gate] ?? [], [t], []]);
  }
  for (const gate of ['cx', 'cz', 'cy', 'ch', 'cu1', 'crz'] as const) {
    for (const [c, t] of [
      [0, 1],
      [1, 0],
      [0, 3],
      [3, 0],
      [2, 1],
    ] as const) {
      cases.push([gate, params[gate] ?? [], [t], [c]]);
    }
  }
  for (const [a, b, t] of [
    [0, 1, 2],
    [2, 3, 0],
    [0, 3, 1],
  ] as const) {
    cases.push(['ccx', [], [t], [a, b]]);
  }

  it.each(cases)('%s params %j on targets %j controls %j', (gate, p, targets, controls) => {
    const op: Operation = {
      gate,
      targets,
      ...(controls.length ? { controls } : {}),
      ...(p.length ? { params: p } : {}),
    };
    const expected = applyLiteral(before, literal(gate, p), targets[0]!, controls);
    for (const backend of ['wasm', 'js'] as const) {
      const after = simulate(circuitOf(n, [...prep, op]), { backend });
      expect(maxDifference(after, expected)).toBeLessThan(TOL);
    }
  });

  it('swap exchanges the two qubits', () => {
    for (const [a, b] of [
      [0, 1],
      [3, 0],
      [1, 2],
    ] as const) {
      const after = simulate(circuitOf(n, [...prep, { gate: 'swap', targets: [a, b] }]));
      for (let i = 0; i < 2 ** n; i++) {
        const bitA = (i >> a) & 1;
        const bitB = (i >> b) & 1;
        const j = (i & ~((1 << a) | (1 << b))) | (bitA << b) | (bitB << a);
        expect(after.re[j]).toBe(before.re[i]);
        expect(after.im[j]).toBe(before.im[i]);
      }
    }
  });
});

describe('gate identities', () => {
  const n = 3;
  const prep = preparation(n, 11);
  const run = (ops: Operation[]): StateVector => simulate(circuitOf(n, [...prep, ...ops]));
  const same = (a: Operation[], b: Operation[], upToPhase = false): void => {
    if (upToPhase) expect(overlap(run(a), run(b))).toBeCloseTo(1, 12);
    else expect(maxDifference(run(a), run(b))).toBeLessThan(TOL);
  };
  const g = (
    gate: GateName,
    targets: number[],
    controls?: number[],
    params?: number[],
  ): Operation => ({
    gate,
    targets,
    ...(controls ? { controls } : {}),
    ...(params ? { params } : {}),
  });

  it('HZH = X, HXH = Z, HYH = −Y', () => {
    same([g('h', [1]), g('z', [1]), g('h', [1])], [g('x', [1])]);
    same([g('h', [0]), g('x', [0]), g('h', [0])], [g('z', [0])]);
    same([g('h', [2]), g('y', [2]), g('h', [2])], [g('y', [2])], true);
  });

  it('CNOT = (I⊗H)·CZ·(I⊗H), CZ is symmetric, SWAP = three CNOTs', () => {
    same([g('h', [2]), g('cz', [2], [0]), g('h', [2])], [g('cx', [2], [0])]);
    same([g('cz', [1], [2])], [g('cz', [2], [1])]);
    same([g('cx', [2], [0]), g('cx', [0], [2]), g('cx', [2], [0])], [g('swap', [0, 2])]);
  });

  it('S² = Z, T² = S, S·Sdg = I, T·Tdg = I', () => {
    same([g('s', [0]), g('s', [0])], [g('z', [0])]);
    same([g('t', [1]), g('t', [1])], [g('s', [1])]);
    same([g('s', [2]), g('sdg', [2])], []);
    same([g('tdg', [0]), g('t', [0])], []);
  });

  it('rotations compose and u2/u3 reduce to them', () => {
    same(
      [g('rz', [0], undefined, [0.3]), g('rz', [0], undefined, [0.5])],
      [g('rz', [0], undefined, [0.8])],
    );
    same(
      [g('u3', [1], undefined, [0.7, -Math.PI / 2, Math.PI / 2])],
      [g('rx', [1], undefined, [0.7])],
    );
    same([g('u3', [2], undefined, [1.3, 0, 0])], [g('ry', [2], undefined, [1.3])]);
    same([g('u2', [0], undefined, [0.4, 0.9])], [g('u3', [0], undefined, [Math.PI / 2, 0.4, 0.9])]);
    same([g('u1', [1], undefined, [0.6])], [g('rz', [1], undefined, [0.6])], true);
    same(
      [g('crz', [0], [2], [1.1])],
      [
        g('rz', [0], undefined, [0.55]),
        g('cx', [0], [2]),
        g('rz', [0], undefined, [-0.55]),
        g('cx', [0], [2]),
      ],
    );
  });

  it('Toffoli equals its standard decomposition into H, T and CNOT', () => {
    const [a, b, c] = [0, 1, 2];
    const decomposition = [
      g('h', [c]),
      g('cx', [c], [b]),
      g('tdg', [c]),
      g('cx', [c], [a]),
      g('t', [c]),
      g('cx', [c], [b]),
      g('tdg', [c]),
      g('cx', [c], [a]),
      g('t', [b]),
      g('t', [c]),
      g('h', [c]),
      g('cx', [b], [a]),
      g('t', [a]),
      g('tdg', [b]),
      g('cx', [b], [a]),
    ];
    same(decomposition, [g('ccx', [c], [a, b])]);
  });
});

describe('the fast engine', () => {
  it('preserves the norm to 1e-12 on long random circuits', () => {
    const state = simulate(randomCircuit(12, 600, 5));
    expect(Math.abs(norm(state) - 1)).toBeLessThan(TOL);
  });

  it('matches the one-pass-per-gate reference for every backend and block size', () => {
    for (const [n, seed] of [
      [7, 1],
      [9, 2],
      [10, 3],
    ] as const) {
      const circuit = randomCircuit(n, 300, seed);
      const expected = reference(circuit);
      for (const backend of ['wasm', 'js'] as const) {
        for (const tileQubits of [3, 5, 14]) {
          const result = simulate(circuit, { backend, tileQubits });
          expect(maxDifference(result, expected)).toBeLessThan(TOL);
        }
      }
    }
  });

  it('needs far fewer passes over the state than gates', () => {
    const steps = compileCircuit(randomLayeredCircuit(20, 20)).filter(
      (s): s is GateStep => s.type === 'gate',
    );
    expect(steps).toHaveLength(780);
    expect(planPasses(steps, 20, 14).length).toBeLessThan(40);
  });

  it('reports progress after each pass and stops when the signal is aborted', () => {
    const fractions: number[] = [];
    const circuit = randomLayeredCircuit(12, 10);
    simulate(circuit, { tileQubits: 6, onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    const controller = { aborted: false, reason: new Error('cancelled by the test') };
    expect(() =>
      simulate(circuit, {
        tileQubits: 6,
        signal: controller,
        onProgress: () => {
          controller.aborted = true;
        },
      }),
    ).toThrow('cancelled by the test');
  });
});

describe('state analysis', () => {
  it('samples reproducibly with keys q[n-1]…q[0]', () => {
    const state = simulate(parseQasm('qreg q[3]; x q[0]; h q[2];'));
    const counts = sample(state, 1000, 42);
    expect(Object.keys(counts).sort()).toEqual(['001', '101']);
    expect(counts['001']! + counts['101']!).toBe(1000);
    expect(Math.abs(counts['001']! - 500)).toBeLessThan(80);
    expect(sample(state, 1000, 42)).toEqual(counts);
    expect(sample(state, 1000, 43)).not.toEqual(counts);
    expect(() => sample(state, -1, 1)).toThrow(RangeError);
  });

  it('Bloch vectors of the six cardinal states', () => {
    const cases: [string, [number, number, number]][] = [
      ['', [0, 0, 1]],
      ['x q[0];', [0, 0, -1]],
      ['h q[0];', [1, 0, 0]],
      ['x q[0]; h q[0];', [-1, 0, 0]],
      ['h q[0]; s q[0];', [0, 1, 0]],
      ['h q[0]; sdg q[0];', [0, -1, 0]],
    ];
    for (const [ops, expected] of cases) {
      const v = blochVector(simulate(parseQasm(`qreg q[2]; ${ops}`)), 0);
      v.forEach((x, k) => expect(x).toBeCloseTo(expected[k]!, 12));
    }
  });

  it('entanglement entropy of product, Bell and GHZ cuts', () => {
    const ghz = simulate(ghzCircuit(6));
    expect(entanglementEntropy(ghz, [0])).toBeCloseTo(1, 12);
    expect(entanglementEntropy(ghz, [0, 1, 2])).toBeCloseTo(1, 12);
    const product = simulate(parseQasm('qreg q[4]; h q; t q[1]; ry(0.3) q[2];'));
    expect(entanglementEntropy(product, [1])).toBeCloseTo(0, 12);
    expect(entanglementEntropy(product, [0, 2])).toBeCloseTo(0, 10);
    const twoBells = simulate(parseQasm('qreg q[4]; h q[0]; cx q[0],q[2]; h q[1]; cx q[1],q[3];'));
    expect(entanglementEntropy(twoBells, [0, 1])).toBeCloseTo(2, 10);
    expect(entanglementEntropy(twoBells, [0, 2])).toBeCloseTo(0, 10);
  });
});
