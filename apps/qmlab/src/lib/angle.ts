// Angles typed by a learner ("pi/4", "-3*pi/2", "0.5") read by the simulator's own QASM
// expression parser, so the builder accepts exactly what QASM files may contain.
import { parseQasm } from '@alawein/quantum';

/** The angle `text` denotes, in radians; null when it is not one finite expression. */
export function parseAngle(text: string): number | null {
  const trimmed = text.trim().replace(/π/g, 'pi');
  if (trimmed === '' || /[;{}\n]/.test(trimmed)) return null;
  try {
    const circuit = parseQasm(
      `OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nrz(${trimmed}) q[0];\n`,
    );
    const [op, ...rest] = circuit.operations;
    const theta = op?.params?.[0];
    return rest.length === 0 && op?.gate === 'rz' && theta !== undefined && Number.isFinite(theta)
      ? theta
      : null;
  } catch {
    return null;
  }
}
