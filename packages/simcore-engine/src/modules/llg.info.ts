import type { ModuleInfo } from '../types.ts';
import type { LlgParams, LlgSummary } from './llg.ts';

/** What the gallery and the parameter form show for `llg` (no schema or runner: no zod, no numerics). */
export const llgInfo: ModuleInfo<'llg', LlgParams, LlgSummary> = {
  id: 'llg',
  title: 'Macrospin precession (LLG)',
  group: 'Spin dynamics',
  summary: 'A magnetic moment precesses about a field and relaxes onto it with Gilbert damping.',
  theory: [
    'Landau–Lifshitz–Gilbert: dm/dt = −γ m × B + α m × dm/dt, |m| = 1.',
    'Explicit form: dm/dt = −γ/(1+α²) [m × B + α m × (m × B)], integrated with RK4 (no renormalisation, so |m| drift measures the error).',
    'Precession about B at ω = γ|B|/(1+α²) (rad per unit time).',
    'Polar angle to B: tan(θ/2) = tan(θ₀/2) e^(−αω t), so m·B̂ → 1.',
  ].join('\n'),
  params: {
    gamma: {
      kind: 'number',
      label: 'Gyromagnetic ratio γ',
      unit: 'rad/(time·field)',
      min: 0.01,
      max: 10,
      step: 0.01,
    },
    alpha: { kind: 'number', label: 'Gilbert damping α', unit: '', min: 0, max: 1, step: 0.01 },
    field: { kind: 'vector3', label: 'Field B', unit: 'field', min: -10, max: 10, step: 0.1 },
    initial: {
      kind: 'vector3',
      label: 'Initial m (normalised)',
      unit: '',
      min: -1,
      max: 1,
      step: 0.05,
    },
    dt: { kind: 'number', label: 'Time step', unit: 'time', min: 1e-4, max: 0.5, step: 0.001 },
    steps: { kind: 'integer', label: 'Steps', unit: '', min: 1, max: 1000000, step: 100 },
  },
  presets: [
    {
      id: 'damped',
      label: 'Damped precession',
      description: 'α = 0.1: m spirals onto B.',
      params: {},
    },
    {
      id: 'undamped',
      label: 'Undamped',
      description: 'α = 0: precession forever at ω = γB.',
      params: { alpha: 0, steps: 2000 },
    },
    {
      id: 'tilted',
      label: 'Tilted field',
      description: 'B = (1, 0, 1), m from −z.',
      params: { field: [1, 0, 1], initial: [0, 0, -1] },
    },
    {
      id: 'strong',
      label: 'Strong damping',
      description: 'α = 1: fastest relaxation, slowest precession.',
      params: { alpha: 1, steps: 1500 },
    },
  ],
  summaryFields: {
    precessionFrequency: { label: 'Precession frequency (fitted)', unit: 'rad/time' },
    finalAlignment: { label: 'Final m·B̂', unit: '' },
    normDrift: { label: 'max ||m| − 1|', unit: '' },
    expectedFrequency: { label: 'γ|B|/(1+α²)', unit: 'rad/time' },
  },
  seriesFields: {
    t: { label: 'Time', unit: 'time' },
    mx: { label: 'mₓ', unit: '', axis: 't' },
    my: { label: 'm_y', unit: '', axis: 't' },
    mz: { label: 'm_z', unit: '', axis: 't' },
  },
};
