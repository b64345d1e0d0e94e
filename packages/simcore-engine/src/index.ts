/** Engine version recorded with every saved run. */
export const ENGINE_VERSION = '0.1.0';

export {
  ising,
  ISING_TC,
  type IsingParams,
  type IsingSummary,
  type IsingFrame,
} from './modules/ising.ts';
export { modules, moduleList, type ModuleId } from './registry.ts';
export { ParamsError, parseParams, PauseController } from './runtime.ts';
export { Xoshiro128 } from './rng.ts';
export type {
  ModuleGroup,
  ParamMeta,
  PauseGate,
  Preset,
  Progress,
  RunOptions,
  Series,
  SimulationModule,
  SimulationResult,
  SummaryField,
} from './types.ts';
