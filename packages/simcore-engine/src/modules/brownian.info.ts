import { seedMeta } from '../param-meta.ts';
import type { ModuleInfo } from '../types.ts';
import type { BrownianParams, BrownianSummary } from './brownian.ts';

/** What the gallery and the parameter form show for `brownian` (no schema or runner: no zod, no numerics). */
export const brownianInfo: ModuleInfo<'brownian', BrownianParams, BrownianSummary> = {
  id: 'brownian',
  title: 'Brownian motion',
  group: 'Statistical physics',
  summary:
    'A cloud of overdamped particles diffuses in 2D: mean squared displacement and the diffusion constant.',
  theory: [
    'Overdamped Langevin: dr = −k r dt + √(2D) dW, in 2D, all particles from the origin.',
    'Free diffusion (k = 0): MSD(t) = ⟨|r|²⟩ = 4Dt; diffusionEstimate = MSD/(4t) fitted over the run.',
    'In a harmonic trap (Ornstein–Uhlenbeck): MSD(t) = (2D/k)(1 − e^(−2kt)) → 2D/k.',
    'Update x ← x e^(−kdt) + √(D(1 − e^(−2kdt))/k) ξ is exact in distribution for any dt (ξ standard normal, seeded xoshiro128** + Box–Muller).',
  ].join('\n'),
  params: {
    particles: { kind: 'integer', label: 'Particles', unit: '', min: 1, max: 200000, step: 100 },
    steps: { kind: 'integer', label: 'Steps', unit: '', min: 1, max: 100000, step: 100 },
    dt: { kind: 'number', label: 'Time step', unit: 'time', min: 1e-4, max: 10, step: 0.001 },
    diffusion: {
      kind: 'number',
      label: 'Diffusion coefficient D',
      unit: 'length²/time',
      min: 1e-3,
      max: 100,
      step: 0.01,
    },
    trapStiffness: {
      kind: 'number',
      label: 'Trap stiffness k',
      unit: '1/time',
      min: 0,
      max: 100,
      step: 0.1,
    },
    seed: seedMeta,
  },
  presets: [
    { id: 'free', label: 'Free diffusion', description: 'MSD grows as 4Dt.', params: {} },
    {
      id: 'trapped',
      label: 'Optical trap',
      description: 'k = 1: MSD saturates at 2D/k.',
      params: { trapStiffness: 1, steps: 500 },
    },
    {
      id: 'crowd',
      label: 'Large cloud',
      description: '50 000 particles: a smooth MSD line.',
      params: { particles: 50000, steps: 400 },
    },
  ],
  summaryFields: {
    diffusionEstimate: { label: 'Fitted D = MSD/(4t)', unit: 'length²/time' },
    msdSlope: { label: 'MSD slope', unit: 'length²/time' },
    finalMsd: { label: 'Final MSD', unit: 'length²' },
    expectedFinalMsd: { label: 'Exact final MSD', unit: 'length²' },
  },
  seriesFields: {
    t: { label: 'Time', unit: 'time' },
    msd: { label: 'MSD', unit: 'length²', axis: 't' },
    expectedMsd: { label: 'Exact MSD', unit: 'length²', axis: 't' },
  },
};
