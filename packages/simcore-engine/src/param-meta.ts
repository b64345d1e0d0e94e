import type { ParamMeta } from './types.ts';

/** UI metadata of a seed parameter (an unsigned 32-bit integer). */
export const seedMeta: ParamMeta = {
  kind: 'integer',
  label: 'Seed',
  unit: '',
  min: 0,
  max: 4294967295,
  step: 1,
};
