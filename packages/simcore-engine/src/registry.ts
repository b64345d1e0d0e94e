import { brownian } from './modules/brownian.ts';
import { graphene } from './modules/graphene.ts';
import { ising } from './modules/ising.ts';
import { llg } from './modules/llg.ts';
import { pendulum } from './modules/pendulum.ts';
import { tunneling } from './modules/tunneling.ts';

/** Every module, keyed by id, in gallery order. */
export const modules = {
  ising,
  brownian,
  tunneling,
  graphene,
  llg,
  pendulum,
} as const;

/** Id of a module in the registry. */
export type ModuleId = keyof typeof modules;

/** Modules in gallery order. */
export const moduleList = Object.values(modules);
