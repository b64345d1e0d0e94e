import { ising } from './modules/ising.ts';

/** Every module, keyed by id, in gallery order. */
export const modules = {
  ising,
} as const;

/** Id of a module in the registry. */
export type ModuleId = keyof typeof modules;

/** Modules in gallery order. */
export const moduleList = Object.values(modules);
