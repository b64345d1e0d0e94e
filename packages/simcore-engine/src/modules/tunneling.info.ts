import type { ModuleInfo } from '../types.ts';
import type { TunnelingParams, TunnelingSummary } from './tunneling.ts';

/** What the gallery and the parameter form show for `tunneling` (no schema or runner: no zod, no numerics). */
export const tunnelingInfo: ModuleInfo<'tunneling', TunnelingParams, TunnelingSummary> = {
  id: 'tunneling',
  title: 'Quantum tunnelling',
  group: 'Quantum dynamics',
  summary:
    'A Gaussian wave packet hits a rectangular barrier: transmission, reflection and tunnelling.',
  theory: [
    'iħ ∂ψ/∂t = −(ħ²/2m) ∂²ψ/∂x² + V(x)ψ, V = V₀ on [0, a] (ħ = m = 1).',
    'Split-operator (Strang): ψ(t+dt) = e^(−iVdt/2) F⁻¹ e^(−ik²dt/2) F e^(−iVdt/2) ψ(t); every factor is unitary, so the norm is conserved.',
    'ψ(x,0) = (2πσ²)^(−1/4) e^(−(x−x₀)²/4σ²) e^(ik₀x): |ψ|² has standard deviation σ, |ψ̂|² has 1/(2σ).',
    'Plane-wave transmission, E = k²/2 < V₀: T = [1 + V₀² sinh²(κa) / (4E(V₀−E))]⁻¹, κ = √(2(V₀−E)).',
    'E > V₀: T = [1 + V₀² sin²(qa) / (4E(E−V₀))]⁻¹, q = √(2(E−V₀)). A packet narrow in k transmits T(k₀).',
  ].join('\n'),
  params: {
    gridPoints: {
      kind: 'integer',
      label: 'Grid points',
      unit: '',
      min: 256,
      max: 16384,
      step: 256,
    },
    length: { kind: 'number', label: 'Box length', unit: 'ħ/√(mE₀)', min: 20, max: 4000, step: 1 },
    packetCenter: {
      kind: 'number',
      label: 'Packet centre x₀',
      unit: 'length',
      min: -2000,
      max: 2000,
      step: 1,
    },
    packetWidth: {
      kind: 'number',
      label: 'Packet width σ',
      unit: 'length',
      min: 0.5,
      max: 500,
      step: 0.5,
    },
    packetMomentum: {
      kind: 'number',
      label: 'Momentum k₀',
      unit: '1/length',
      min: -20,
      max: 20,
      step: 0.05,
    },
    barrierHeight: {
      kind: 'number',
      label: 'Barrier height V₀',
      unit: 'energy',
      min: -10,
      max: 10,
      step: 0.05,
    },
    barrierWidth: {
      kind: 'number',
      label: 'Barrier width a',
      unit: 'length',
      min: 0,
      max: 100,
      step: 0.1,
    },
    dt: { kind: 'number', label: 'Time step', unit: 'time', min: 0.001, max: 0.5, step: 0.001 },
    steps: { kind: 'integer', label: 'Steps', unit: '', min: 1, max: 200000, step: 100 },
  },
  presets: [
    {
      id: 'tunnelling',
      label: 'Tunnelling (E < V₀)',
      description: 'E = 0.72, V₀ = 1, a = 1: about half the packet tunnels through.',
      params: {},
    },
    {
      id: 'thick',
      label: 'Thick barrier',
      description: 'a = 3: transmission drops exponentially.',
      params: { barrierWidth: 3 },
    },
    {
      id: 'over',
      label: 'Above the barrier (E > V₀)',
      description: 'k₀ = 2 (E = 2): mostly transmitted, some reflection.',
      params: { packetMomentum: 2, steps: 1200 },
    },
    {
      id: 'well',
      label: 'Potential well',
      description: 'V₀ = −1: quantum reflection from a well.',
      params: { barrierHeight: -1, barrierWidth: 4 },
    },
  ],
  summaryFields: {
    transmission: { label: 'Transmission', unit: '' },
    reflection: { label: 'Reflection', unit: '' },
    normDrift: { label: 'Norm drift', unit: '' },
    planeWaveTransmission: { label: 'Plane-wave T(k₀)', unit: '' },
    edgeProbability: { label: 'Probability at the grid edges', unit: '' },
    energy: { label: 'Energy ⟨H⟩', unit: 'energy' },
  },
  seriesFields: {
    x: { label: 'x', unit: 'length' },
    density: { label: '|ψ|² at the end', unit: '1/length', axis: 'x' },
    initialDensity: { label: '|ψ|² at t = 0', unit: '1/length', axis: 'x' },
    potential: { label: 'V(x)', unit: 'energy', axis: 'x' },
    time: { label: 'Time', unit: 'time' },
    transmission: { label: 'P(x > a)', unit: '', axis: 'time' },
    reflection: { label: 'P(x < 0)', unit: '', axis: 'time' },
  },
};
