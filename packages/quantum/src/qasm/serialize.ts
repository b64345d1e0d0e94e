import { validateCircuit, type Circuit, type Register } from '../circuit.ts';

const DENOMINATORS = [1, 2, 3, 4, 6, 8, 12, 16, 32, 64];

/**
 * Writes an angle as a multiple of pi when that reads back to exactly the same number
 * (pi/2 parses to Math.PI / 2), and otherwise as the shortest decimal that round-trips.
 */
export function formatAngle(value: number): string {
  if (value === 0) return '0';
  for (const d of DENOMINATORS) {
    const k = Math.round((value * d) / Math.PI);
    if (k === 0 || Math.abs(k) > 64) continue;
    const magnitude = Math.abs(k) === 1 ? Math.PI / d : (Math.abs(k) * Math.PI) / d;
    if (magnitude === Math.abs(value)) {
      const text = `${Math.abs(k) === 1 ? '' : `${Math.abs(k)}*`}pi${d === 1 ? '' : `/${d}`}`;
      return value < 0 ? `-${text}` : text;
    }
  }
  return String(value);
}

function bitNames(registers: readonly Register[]): string[] {
  return registers.flatMap((r) => Array.from({ length: r.size }, (_, i) => `${r.name}[${i}]`));
}

/** Writes a circuit as OpenQASM 2.0 that `parseQasm` reads back to the same circuit. */
export function toQasm(circuit: Circuit): string {
  validateCircuit(circuit);
  const qregs = circuit.qregs ?? [{ name: 'q', size: circuit.numQubits }];
  const qubit = bitNames(qregs);
  const clbit = bitNames(circuit.cregs);
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";'];
  for (const r of qregs) lines.push(`qreg ${r.name}[${r.size}];`);
  for (const r of circuit.cregs) lines.push(`creg ${r.name}[${r.size}];`);
  for (const op of circuit.operations) {
    const qubits = [...(op.controls ?? []), ...op.targets].map((q) => qubit[q]!).join(',');
    if (op.gate === 'measure') {
      lines.push(`measure ${qubits} -> ${clbit[op.clbits?.[0] ?? 0]!};`);
    } else {
      const params = op.params?.length ? `(${op.params.map(formatAngle).join(',')})` : '';
      lines.push(`${op.gate}${params} ${qubits};`);
    }
  }
  return `${lines.join('\n')}\n`;
}
