import { seedMeta } from '../param-meta.ts';
import type { ModuleInfo } from '../types.ts';
import type { IsingParams, IsingSummary } from './ising.ts';

/** What the gallery and the parameter form show for `ising` (no schema or runner: no zod, no numerics). */
export const isingInfo: ModuleInfo<'ising', IsingParams, IsingSummary> = {
  id: 'ising',
  title: '2D Ising model',
  group: 'Statistical physics',
  summary:
    'Spontaneous magnetisation and the order–disorder transition of the square-lattice Ising model.',
  theory: [
    'H = −J Σ⟨ij⟩ sᵢsⱼ − h Σᵢ sᵢ on a periodic L×L square lattice (J = k_B = 1).',
    'Metropolis: a spin flips with probability min(1, e^(−ΔE/T)), ΔE = 2sᵢ(Σⱼ sⱼ + h); checkerboard sweeps.',
    'Critical temperature T_c = 2/ln(1+√2) ≈ 2.269.',
    'Below T_c (h = 0), Onsager–Yang: |m| = (1 − sinh⁻⁴(2/T))^(1/8).',
    'Above T_c, exact energy per spin: u = −coth(2β)[1 + (2/π)(2tanh²(2β) − 1)K(κ)], κ = 2sinh(2β)/cosh²(2β).',
    'Specific heat C = N(⟨e²⟩ − ⟨e⟩²)/T², susceptibility χ = N(⟨m²⟩ − ⟨|m|⟩²)/T, averaged over 32 independent replicas.',
  ].join('\n'),
  params: {
    size: { kind: 'integer', label: 'Lattice size L', unit: 'sites', min: 4, max: 512, step: 2 },
    temperature: {
      kind: 'number',
      label: 'Temperature T',
      unit: 'J/k_B',
      min: 0.5,
      max: 10,
      step: 0.01,
    },
    field: { kind: 'number', label: 'Field h', unit: 'J', min: -2, max: 2, step: 0.01 },
    sweeps: {
      kind: 'integer',
      label: 'Measurement sweeps',
      unit: 'sweeps',
      min: 1,
      max: 100000,
      step: 100,
    },
    equilibrationSweeps: {
      kind: 'integer',
      label: 'Equilibration sweeps',
      unit: 'sweeps',
      min: 0,
      max: 100000,
      step: 100,
    },
    seed: seedMeta,
    initialState: {
      kind: 'choice',
      label: 'Initial state',
      unit: '',
      options: [
        { value: 'ordered', label: 'Ordered (all up)' },
        { value: 'random', label: 'Random (quench)' },
      ],
    },
  },
  presets: [
    {
      id: 'ordered',
      label: 'Ordered phase',
      description: 'T = 1.5, well below T_c: |m| ≈ 0.987.',
      params: { temperature: 1.5 },
    },
    {
      id: 'critical',
      label: 'Critical point',
      description: 'T = T_c: domains on every scale.',
      params: { temperature: 2.269, sweeps: 2000 },
    },
    {
      id: 'disordered',
      label: 'Disordered phase',
      description: 'T = 3.5, above T_c: |m| → 0.',
      params: { temperature: 3.5 },
    },
    {
      id: 'quench',
      label: 'Quench from random',
      description: 'Random start at T = 1.5: watch domains coarsen.',
      params: { temperature: 1.5, initialState: 'random', equilibrationSweeps: 0, size: 128 },
    },
    {
      id: 'field',
      label: 'In a field',
      description: 'T = 3, h = 0.5: induced magnetisation.',
      params: { temperature: 3, field: 0.5 },
    },
  ],
  summaryFields: {
    meanAbsMagnetization: { label: 'Mean |m|', unit: '' },
    meanAbsMagnetizationError: { label: 'Std. error of mean |m|', unit: '' },
    meanEnergyPerSpin: { label: 'Energy per spin', unit: 'J' },
    meanEnergyPerSpinError: { label: 'Std. error of energy per spin', unit: 'J' },
    specificHeat: { label: 'Specific heat per spin', unit: 'k_B' },
    susceptibility: { label: 'Susceptibility per spin', unit: '1/J' },
    acceptanceRate: { label: 'Acceptance rate', unit: '' },
    replicas: { label: 'Independent replicas', unit: '' },
  },
  seriesFields: {
    sweep: { label: 'Sweep', unit: 'sweeps' },
    magnetization: { label: 'Magnetisation m (replica shown)', unit: '' },
    energy: { label: 'Energy per spin (replica shown)', unit: 'J' },
    meanAbsMagnetization: { label: 'Mean |m| over replicas', unit: '' },
  },
};
