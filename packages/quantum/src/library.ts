import type { Circuit, Operation } from './circuit.ts';
import { createRandom } from './random.ts';

function circuit(numQubits: number, operations: Operation[]): Circuit {
  return { numQubits, qregs: [{ name: 'q', size: numQubits }], cregs: [], operations };
}

/** GHZ state (|0…0⟩ + |1…1⟩)/√2: H on qubit 0, then a CNOT chain. */
export function ghzCircuit(numQubits: number): Circuit {
  const ops: Operation[] = [{ gate: 'h', targets: [0] }];
  for (let q = 1; q < numQubits; q++) ops.push({ gate: 'cx', controls: [q - 1], targets: [q] });
  return circuit(numQubits, ops);
}

/**
 * Quantum Fourier transform (Qiskit's layout, final swaps included): |x⟩ ↦ Σ_y e^{2πi·xy/2ⁿ}|y⟩/√2ⁿ.
 * With `input`, X gates first prepare the basis state |input⟩.
 */
export function qftCircuit(numQubits: number, input = 0): Circuit {
  const ops: Operation[] = [];
  for (let q = 0; q < numQubits; q++) if ((input >> q) & 1) ops.push({ gate: 'x', targets: [q] });
  for (let j = numQubits - 1; j >= 0; j--) {
    ops.push({ gate: 'h', targets: [j] });
    for (let k = j - 1; k >= 0; k--) {
      ops.push({ gate: 'cu1', controls: [k], targets: [j], params: [Math.PI / 2 ** (j - k)] });
    }
  }
  for (let q = 0; q < numQubits >> 1; q++)
    ops.push({ gate: 'swap', targets: [q, numQubits - 1 - q] });
  return circuit(numQubits, ops);
}

/**
 * The benchmark's random circuit: `layers` times, a random rx/ry/rz rotation on every qubit,
 * then a CNOT ladder cx(0,1), cx(1,2), …; seeded, so every run builds the same circuit.
 */
export function randomLayeredCircuit(numQubits: number, layers: number, seed = 1): Circuit {
  const random = createRandom(seed);
  const rotations = ['rx', 'ry', 'rz'] as const;
  const ops: Operation[] = [];
  for (let layer = 0; layer < layers; layer++) {
    for (let q = 0; q < numQubits; q++) {
      const gate = rotations[Math.floor(random.next() * 3)]!;
      ops.push({ gate, targets: [q], params: [random.next() * 2 * Math.PI] });
    }
    for (let q = 0; q + 1 < numQubits; q++)
      ops.push({ gate: 'cx', controls: [q], targets: [q + 1] });
  }
  return circuit(numQubits, ops);
}
