// Module metadata without schemas or runners: what a gallery page needs, without zod or numerics
// in its bundle (`@alawein/simcore-engine/catalog`).
import { brownianInfo } from './modules/brownian.info.ts';
import { grapheneInfo } from './modules/graphene.info.ts';
import { isingInfo } from './modules/ising.info.ts';
import { llgInfo } from './modules/llg.info.ts';
import { pendulumInfo } from './modules/pendulum.info.ts';
import { tunnelingInfo } from './modules/tunneling.info.ts';

export { ENGINE_VERSION } from './version.ts';
export type { ModuleGroup, ModuleInfo, ParamMeta, Preset, SummaryField } from './types.ts';

/** Every module's metadata, keyed by id, in gallery order (the same order as `modules`). */
export const catalog = {
  ising: isingInfo,
  brownian: brownianInfo,
  tunneling: tunnelingInfo,
  graphene: grapheneInfo,
  llg: llgInfo,
  pendulum: pendulumInfo,
} as const;

/** Metadata in gallery order. */
export const catalogList = Object.values(catalog);
