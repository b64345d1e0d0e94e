// The simulator's OpenQASM parser behind the API: a QASM error becomes a 422 that names the
// line and column, so the learner can find the mistake; circuits too big for the server are 413.
import { type Circuit, parseQasm, QasmError } from '@alawein/quantum';
import { gateCount, LIMITS } from '@alawein/qmlab-domain';
import { ApiError } from '../_shared/errors.ts';

/** A 422 for QASM that does not parse, carrying where the parser stopped. */
export class QasmApiError extends ApiError {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(422, 'invalid_qasm', message, { field: 'qasm' });
  }

  override toBody() {
    const body = super.toBody();
    return { error: { ...body.error, line: this.line, column: this.column } };
  }
}

export interface ParsedCircuit {
  circuit: Circuit;
  numQubits: number;
  gateCount: number;
}

/** Parses QASM text with @alawein/quantum; 422 with line and column when it is not valid. */
export function parseCircuit(qasm: string): ParsedCircuit {
  try {
    const circuit = parseQasm(qasm);
    return { circuit, numQubits: circuit.numQubits, gateCount: gateCount(circuit) };
  } catch (error) {
    if (error instanceof QasmError) {
      throw new QasmApiError(error.message, error.line, error.column);
    }
    throw error;
  }
}

/** Refuses circuits the server does not simulate (the browser worker runs larger ones). */
export function assertServerSize(parsed: ParsedCircuit): void {
  if (parsed.numQubits > LIMITS.serverQubits) {
    throw new ApiError(
      413,
      'circuit_too_large',
      `the server simulates up to ${LIMITS.serverQubits} qubits; this circuit has ${parsed.numQubits} (run it in the browser instead)`,
      { field: 'qasm' },
    );
  }
  if (parsed.gateCount > LIMITS.serverOperations) {
    throw new ApiError(
      413,
      'circuit_too_large',
      `the server simulates up to ${LIMITS.serverOperations} gates; this circuit has ${parsed.gateCount} (run it in the browser instead)`,
      { field: 'qasm' },
    );
  }
}
