import type { ModuleInfo } from '../types.ts';
import type { PendulumParams, PendulumSummary } from './pendulum.ts';

/** What the gallery and the parameter form show for `pendulum` (no schema or runner: no zod, no numerics). */
export const pendulumInfo: ModuleInfo<'pendulum', PendulumParams, PendulumSummary> = {
  id: 'pendulum',
  title: 'Double pendulum',
  group: 'Classical mechanics',
  summary:
    'Two coupled pendulums: regular normal modes at small amplitude, chaos at large amplitude.',
  theory: [
    'Point masses m₁, m₂ on massless rods l₁, l₂; angles θ₁, θ₂ from the downward vertical.',
    'E = ½(m₁+m₂)l₁²ω₁² + ½m₂l₂²ω₂² + m₂l₁l₂ω₁ω₂cos(θ₁−θ₂) − (m₁+m₂)gl₁cosθ₁ − m₂gl₂cosθ₂ is conserved; RK4 keeps the drift at O(dt⁴).',
    'Small oscillations: det(K − ω²M) = 0; for m₁ = m₂, l₁ = l₂ = l: ω² = (g/l)(2 ∓ √2), modes θ₂ = ±√2 θ₁.',
    'Large amplitude: sensitive dependence on initial conditions (flips of the outer arm).',
  ].join('\n'),
  params: {
    mass1: { kind: 'number', label: 'Mass m₁', unit: 'kg', min: 0.01, max: 100, step: 0.1 },
    mass2: { kind: 'number', label: 'Mass m₂', unit: 'kg', min: 0.01, max: 100, step: 0.1 },
    length1: { kind: 'number', label: 'Length l₁', unit: 'm', min: 0.01, max: 100, step: 0.1 },
    length2: { kind: 'number', label: 'Length l₂', unit: 'm', min: 0.01, max: 100, step: 0.1 },
    gravity: { kind: 'number', label: 'Gravity g', unit: 'm/s²', min: 0.01, max: 100, step: 0.01 },
    theta1: {
      kind: 'number',
      label: 'Initial θ₁',
      unit: 'rad',
      min: -Math.PI,
      max: Math.PI,
      step: 0.01,
    },
    theta2: {
      kind: 'number',
      label: 'Initial θ₂',
      unit: 'rad',
      min: -Math.PI,
      max: Math.PI,
      step: 0.01,
    },
    omega1: { kind: 'number', label: 'Initial ω₁', unit: 'rad/s', min: -50, max: 50, step: 0.1 },
    omega2: { kind: 'number', label: 'Initial ω₂', unit: 'rad/s', min: -50, max: 50, step: 0.1 },
    dt: { kind: 'number', label: 'Time step', unit: 's', min: 1e-5, max: 0.05, step: 0.0001 },
    steps: { kind: 'integer', label: 'Steps', unit: '', min: 1, max: 2000000, step: 1000 },
  },
  presets: [
    {
      id: 'chaos',
      label: 'Chaotic swing',
      description: 'θ₁ = 2, θ₂ = 2.5 rad: the outer arm flips unpredictably.',
      params: {},
    },
    {
      id: 'slow-mode',
      label: 'Slow normal mode',
      description: 'θ₂ = √2·θ₁, small: in-phase swing at ω = √((2−√2)g/l).',
      params: { theta1: 0.05, theta2: 0.05 * Math.SQRT2 },
    },
    {
      id: 'fast-mode',
      label: 'Fast normal mode',
      description: 'θ₂ = −√2·θ₁, small: anti-phase swing at ω = √((2+√2)g/l).',
      params: { theta1: 0.05, theta2: -0.05 * Math.SQRT2 },
    },
    {
      id: 'heavy-top',
      label: 'Heavy lower bob',
      description: 'm₂ = 5m₁ from rest at θ₁ = 1.',
      params: { mass2: 5, theta1: 1, theta2: 0 },
    },
  ],
  summaryFields: {
    energyDrift: { label: 'max |E − E₀| / ((m₁+m₂)g(l₁+l₂))', unit: '' },
    theta1Frequency: { label: 'θ₁ frequency (zero crossings)', unit: 'rad/s' },
    normalModeSlow: { label: 'Slow normal mode ω₋', unit: 'rad/s' },
    normalModeFast: { label: 'Fast normal mode ω₊', unit: 'rad/s' },
    flips: { label: 'Flips of the outer arm', unit: '' },
  },
  seriesFields: {
    t: { label: 'Time', unit: 's' },
    theta1: { label: 'θ₁', unit: 'rad', axis: 't' },
    theta2: { label: 'θ₂', unit: 'rad', axis: 't' },
    energy: { label: 'Energy', unit: 'J', axis: 't' },
  },
};
