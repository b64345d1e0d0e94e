/** Simulator version recorded with every run. */
export const ENGINE_VERSION = '0.1.0';

export {
  CircuitError,
  GATE_NAMES,
  GATE_SHAPES,
  MAX_QUBITS,
  isGateName,
  numClbits,
  validateCircuit,
  type Circuit,
  type GateName,
  type GateShape,
  type Operation,
  type OperationName,
  type Register,
} from './circuit.ts';
export { gateMatrix, type Matrix2 } from './gates.ts';
export { QasmError } from './qasm/error.ts';
export { parseQasm } from './qasm/parse.ts';
export { formatAngle, toQasm } from './qasm/serialize.ts';
export {
  simulate,
  type MeasurementOutcome,
  type AbortSignalLike,
  type SimulateOptions,
  type SimulationResult,
} from './simulate.ts';
export {
  MAX_ENTROPY_QUBITS,
  MAX_SHOTS,
  blochVector,
  entanglementEntropy,
  norm,
  probabilities,
  sample,
  type StateVector,
} from './state.ts';
export { ghzCircuit, qftCircuit, randomLayeredCircuit } from './library.ts';
