/**
 * A problem in an OpenQASM program, located at a 1-based line and column. `reason` is the
 * learner-facing sentence; `message` prefixes it with the location.
 */
export class QasmError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`Line ${line}, column ${column}: ${reason}`);
    this.name = 'QasmError';
  }
}
