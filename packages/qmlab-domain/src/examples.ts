// The circuits a learner starts from, as OpenQASM 2.0 (what the lab imports and the seed stores).
// Each comes with what it should show, so the tests can hold the simulator and the text together.

export interface ExampleCircuit {
  id: string;
  title: string;
  description: string;
  qasm: string;
}

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

export const EXAMPLES: readonly ExampleCircuit[] = [
  {
    id: 'bell',
    title: 'Bell pair',
    description:
      'A Hadamard then a CNOT entangle two qubits: 00 and 11 each come up half the time, never 01 or 10.',
    qasm: `${HEADER}qreg q[2];
creg c[2];
h q[0];
cx q[0],q[1];
measure q[0] -> c[0];
measure q[1] -> c[1];
`,
  },
  {
    id: 'ghz',
    title: 'GHZ state (3 qubits)',
    description:
      'Three qubits all 0 or all 1, each with probability one half: every qubit is entangled with the others.',
    qasm: `${HEADER}qreg q[3];
creg c[3];
h q[0];
cx q[0],q[1];
cx q[1],q[2];
measure q[0] -> c[0];
measure q[1] -> c[1];
measure q[2] -> c[2];
`,
  },
  {
    id: 'teleportation',
    title: 'Teleportation',
    description:
      'The state ry(π/3)|0⟩ on q0 is teleported to q2 through a Bell pair; the corrections are applied as controlled gates (deferred measurement), so q2 ends with the Bloch vector q0 started with: (0.866, 0, 0.5).',
    qasm: `${HEADER}qreg q[3];
creg c[3];
ry(pi/3) q[0];
h q[1];
cx q[1],q[2];
cx q[0],q[1];
h q[0];
cx q[1],q[2];
cz q[0],q[2];
measure q[2] -> c[2];
`,
  },
  {
    id: 'deutsch-jozsa',
    title: 'Deutsch–Jozsa (3 bits, balanced)',
    description:
      'One query to the oracle f(x) = x0 ⊕ x1 ⊕ x2 decides that f is balanced: the inputs never read 000 (they read 111).',
    qasm: `${HEADER}qreg q[4];
creg c[3];
x q[3];
h q[0];
h q[1];
h q[2];
h q[3];
cx q[0],q[3];
cx q[1],q[3];
cx q[2],q[3];
h q[0];
h q[1];
h q[2];
measure q[0] -> c[0];
measure q[1] -> c[1];
measure q[2] -> c[2];
`,
  },
  {
    id: 'grover',
    title: 'Grover search (3 qubits)',
    description:
      'Two Grover iterations find the marked state 101 among eight with probability about 0.945.',
    qasm: `${HEADER}qreg q[3];
creg c[3];
h q[0];
h q[1];
h q[2];
${groverIteration()}${groverIteration()}measure q[0] -> c[0];
measure q[1] -> c[1];
measure q[2] -> c[2];
`,
  },
  {
    id: 'qft',
    title: 'Quantum Fourier transform (3 qubits)',
    description:
      'The QFT of the basis state |5⟩ (101): all eight outcomes equally likely, the information is in the phases.',
    qasm: `${HEADER}qreg q[3];
x q[0];
x q[2];
h q[2];
cu1(pi/2) q[1],q[2];
cu1(pi/4) q[0],q[2];
h q[1];
cu1(pi/2) q[0],q[1];
h q[0];
swap q[0],q[2];
`,
  },
];

/** Oracle marking |101⟩ (a CCZ conjugated by X on q1), then the diffusion operator. */
function groverIteration(): string {
  const all = (gate: string) => `${gate} q[0];\n${gate} q[1];\n${gate} q[2];\n`;
  const ccz = 'h q[2];\nccx q[0],q[1],q[2];\nh q[2];\n';
  return `x q[1];\n${ccz}x q[1];\n${all('h')}${all('x')}${ccz}${all('x')}${all('h')}`;
}

/** The example with `id`, if there is one. */
export function findExample(id: string): ExampleCircuit | undefined {
  return EXAMPLES.find((example) => example.id === id);
}
