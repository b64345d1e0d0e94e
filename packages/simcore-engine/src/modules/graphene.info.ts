import type { ModuleInfo } from '../types.ts';
import type { GrapheneParams, GrapheneSummary } from './graphene.ts';

/** What the gallery and the parameter form show for `graphene` (no schema or runner: no zod, no numerics). */
export const grapheneInfo: ModuleInfo<'graphene', GrapheneParams, GrapheneSummary> = {
  id: 'graphene',
  title: 'Graphene band structure',
  group: 'Band structure',
  summary:
    'Tight-binding bands of graphene along Γ→K→M→Γ, the Dirac cone and the density of states.',
  theory: [
    'H(k) = [[Δ, −t f(k)], [−t f*(k), −Δ]] on the honeycomb lattice (C–C distance a = 1).',
    'E±(k) = ±√(Δ² + t²|f(k)|²), |f|² = 3 + 2cos(√3k_y) + 4cos(√3k_y/2)cos(3k_x/2).',
    'Δ = 0: Dirac point E(K) = 0, E(Γ) = ±3t, E(M) = ±t; bandwidth 6t.',
    'Density of states: van Hove (logarithmic) peaks at E = ±t, from the saddle points at M.',
    'Δ > 0 (sublattice potential, as in hBN) opens a gap 2Δ at K.',
  ].join('\n'),
  params: {
    hopping: { kind: 'number', label: 'Hopping t', unit: 'eV', min: 0.1, max: 10, step: 0.1 },
    staggeredPotential: {
      kind: 'number',
      label: 'Sublattice potential Δ',
      unit: 'eV',
      min: 0,
      max: 5,
      step: 0.05,
    },
    pointsPerSegment: {
      kind: 'integer',
      label: 'Points per path segment',
      unit: '',
      min: 10,
      max: 2000,
      step: 10,
    },
    dosBins: { kind: 'integer', label: 'DOS bins', unit: '', min: 20, max: 2000, step: 10 },
    kGrid: {
      kind: 'integer',
      label: 'k-grid for the DOS (n×n)',
      unit: '',
      min: 30,
      max: 3000,
      step: 10,
    },
  },
  presets: [
    {
      id: 'graphene',
      label: 'Graphene',
      description: 't = 2.7 eV, gapless Dirac cones.',
      params: {},
    },
    {
      id: 'hbn',
      label: 'hBN-like gap',
      description: 'Δ = 2.3 eV: a 4.6 eV gap opens at K.',
      params: { hopping: 2.9, staggeredPotential: 2.3 },
    },
    {
      id: 'fine',
      label: 'Fine DOS',
      description: '2000×2000 k-points, 600 bins: sharp van Hove peaks.',
      params: { kGrid: 2000, dosBins: 600 },
    },
  ],
  summaryFields: {
    energyAtK: { label: 'E(K), upper band', unit: 'eV' },
    energyAtGamma: { label: 'E(Γ), upper band', unit: 'eV' },
    energyAtM: { label: 'E(M), upper band', unit: 'eV' },
    bandwidth: { label: 'Bandwidth', unit: 'eV' },
    bandGap: { label: 'Band gap', unit: 'eV' },
    vanHoveLower: { label: 'Van Hove peak (lower)', unit: 'eV' },
    vanHoveUpper: { label: 'Van Hove peak (upper)', unit: 'eV' },
  },
  seriesFields: {
    distance: { label: 'Path Γ→K→M→Γ', unit: '1/a' },
    upperBand: { label: 'E₊(k)', unit: 'eV', axis: 'distance' },
    lowerBand: { label: 'E₋(k)', unit: 'eV', axis: 'distance' },
    dosEnergy: { label: 'Energy', unit: 'eV' },
    dosDensity: { label: 'DOS', unit: 'states/eV/cell', axis: 'dosEnergy' },
  },
};
