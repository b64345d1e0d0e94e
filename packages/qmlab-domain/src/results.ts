// Summaries of a simulation that the browser worker, qmlab-api and the seed script all record
// the same way.
import type { Circuit } from '@alawein/quantum';
import type { StateProbability } from './schemas.ts';

/** Basis index → bit string q[n-1]…q[0] (Qiskit's order: qubit 0 is the rightmost bit). */
export function basisLabel(index: number, numQubits: number): string {
  return index.toString(2).padStart(numQubits, '0');
}

/**
 * The `limit` most likely basis states, most likely first (ties by index), leaving out states
 * whose probability is below `floor` (rounding noise of an exact zero).
 */
export function topProbabilities(
  probabilities: ArrayLike<number>,
  numQubits: number,
  limit: number,
  floor = 1e-12,
): StateProbability[] {
  // A bounded insertion list: one pass, no sort of 2^n entries.
  const top: { index: number; probability: number }[] = [];
  for (let index = 0; index < probabilities.length; index++) {
    const probability = probabilities[index]!;
    if (probability < floor) continue;
    if (top.length === limit && probability <= top[top.length - 1]!.probability) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.probability < probability) at--;
    top.splice(at, 0, { index, probability });
    if (top.length > limit) top.pop();
  }
  return top.map(({ index, probability }) => ({
    state: basisLabel(index, numQubits),
    probability,
  }));
}

/** How many basis states have a probability of at least `floor`. */
export function countNonzero(probabilities: ArrayLike<number>, floor = 1e-12): number {
  let count = 0;
  for (let index = 0; index < probabilities.length; index++)
    if (probabilities[index]! >= floor) count++;
  return count;
}

/** Gates a circuit applies: every operation except barriers (which only guide layout). */
export function gateCount(circuit: Circuit): number {
  return circuit.operations.filter((op) => op.gate !== 'barrier').length;
}
