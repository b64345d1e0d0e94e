// Fixed inputs and the numbers they must produce on every runtime. Shared by the vitest (Node) and
// Deno tests so both compare against the same literals.
//
// The RNG stream and the Ising module are integer arithmetic (plus correctly rounded + − × ÷ √), so
// they are bit-identical everywhere. ECMAScript does not require Math.exp/log/sin/cos to be correctly
// rounded, and they do differ in the last bit between Node 20 (V8 11.3) and Deno 2.9 (V8 15.0) for
// some arguments; modules that use them are compared to 1e-12 (relative, absolute below 1).

/** First outputs of xoshiro128** from the reference C code, state {1, 2, 3, 4}. */
export const XOSHIRO_REFERENCE = [11520, 0, 5927040, 70819200, 2031721883, 1637235492];

/** First outputs of `new Xoshiro128(123456789)` (splitmix32 seeding), unsigned. */
export const SEEDED_OUTPUTS = [
  4284103975, 1001954530, 2701803082, 2658065534, 3104308804, 4033197306,
];

export const DETERMINISM_CASES = [
  {
    moduleId: 'ising',
    tolerance: 0,
    params: {
      size: 16,
      temperature: 2.3,
      field: 0.1,
      sweeps: 200,
      equilibrationSweeps: 20,
      seed: 2026,
      initialState: 'random',
    },
    summary: {
      meanAbsMagnetization: 0.842657470703125,
      meanAbsMagnetizationError: 0.002376274922353772,
      meanEnergyPerSpin: -1.6674151611328125,
      meanEnergyPerSpinError: 0.0032856015708349236,
      specificHeat: 0.9001178733782083,
      susceptibility: 0.62870331075917,
      acceptanceRate: 0.1355279541015625,
      replicas: 32,
    },
  },
  {
    moduleId: 'brownian',
    tolerance: 1e-12,
    params: { particles: 200, steps: 50, dt: 0.02, diffusion: 0.7, trapStiffness: 0.5, seed: 77 },
    summary: {
      diffusionEstimate: 0.5074431554048912,
      msdSlope: 1.7770648058010734,
      finalMsd: 1.7980499121958635,
      expectedFinalMsd: 1.7699375647199613,
    },
  },
  {
    moduleId: 'tunneling',
    tolerance: 1e-12,
    params: {
      gridPoints: 512,
      length: 128,
      packetCenter: -30,
      packetWidth: 6,
      packetMomentum: 1.5,
      steps: 100,
      dt: 0.1,
    },
    summary: {
      transmission: 0.00237184221410747,
      reflection: 0.994279172737811,
      normDrift: 3.1086244689504383e-15,
      planeWaveTransmission: 0.7099145812894648,
      edgeProbability: 1.519093558507113e-8,
      energy: 1.1284724007729379,
    },
  },
] as const;
