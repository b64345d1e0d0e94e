export { ENGINE_VERSION } from './version.ts';
export { catalog, catalogList } from './catalog.ts';

export {
  ising,
  isingSchema,
  ISING_REPLICAS,
  ISING_TC,
  onsagerEnergy,
  onsagerMagnetization,
  type IsingFrame,
  type IsingParams,
  type IsingSummary,
} from './modules/ising.ts';
export {
  tunneling,
  tunnelingSchema,
  rectangularBarrierTransmission,
  type TunnelingFrame,
  type TunnelingParams,
  type TunnelingSummary,
} from './modules/tunneling.ts';
export {
  graphene,
  grapheneSchema,
  grapheneEnergy,
  type GrapheneFrame,
  type GrapheneParams,
  type GrapheneSummary,
} from './modules/graphene.ts';
export { llg, llgSchema, type LlgFrame, type LlgParams, type LlgSummary } from './modules/llg.ts';
export {
  brownian,
  brownianSchema,
  brownianMsd,
  type BrownianFrame,
  type BrownianParams,
  type BrownianSummary,
} from './modules/brownian.ts';
export {
  pendulum,
  pendulumSchema,
  pendulumNormalModes,
  type PendulumFrame,
  type PendulumParams,
  type PendulumSummary,
} from './modules/pendulum.ts';
export { modules, moduleList, type ModuleId } from './registry.ts';
export { ParamsError, parseParams, PauseController } from './runtime.ts';
export { Xoshiro128 } from './rng.ts';
export { summaryMismatches } from './compare.ts';
export type {
  ModuleGroup,
  ModuleInfo,
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
