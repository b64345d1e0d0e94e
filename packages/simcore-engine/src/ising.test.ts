import { describe, expect, it } from 'vitest';
import {
  ising,
  ISING_REPLICAS,
  ISING_TC,
  IsingLattice,
  onsagerEnergy,
  onsagerMagnetization,
} from './modules/ising.ts';
import { expectRejected } from './test-helpers.ts';

/** Exact Boltzmann averages of a periodic L = 4 lattice by enumerating all 2^16 states. */
function enumerate4x4(temperature: number, field: number) {
  const L = 4;
  const n = L * L;
  let z = 0;
  let sumE = 0;
  let sumE2 = 0;
  let sumAbsM = 0;
  let sumM2 = 0;
  for (let state = 0; state < 1 << n; state++) {
    let bonds = 0;
    let m = 0;
    for (let y = 0; y < L; y++) {
      for (let x = 0; x < L; x++) {
        const s = (state >> (y * L + x)) & 1 ? 1 : -1;
        const right = (state >> (y * L + ((x + 1) % L))) & 1 ? 1 : -1;
        const down = (state >> (((y + 1) % L) * L + x)) & 1 ? 1 : -1;
        bonds += s * right + s * down;
        m += s;
      }
    }
    const e = (-bonds - field * m) / n;
    const w = Math.exp((-e * n) / temperature);
    z += w;
    sumE += w * e;
    sumE2 += w * e * e;
    sumAbsM += (w * Math.abs(m)) / n;
    sumM2 += (w * m * m) / (n * n);
  }
  const e = sumE / z;
  const absM = sumAbsM / z;
  return {
    energy: e,
    absM,
    specificHeat: (n * (sumE2 / z - e * e)) / temperature ** 2,
    susceptibility: (n * (sumM2 / z - absM * absM)) / temperature,
  };
}

describe('ising against exact results', () => {
  it('matches Onsager’s spontaneous magnetisation at T = 1.5 (L = 32) within 0.002', async () => {
    const { summary } = await ising.simulate({
      temperature: 1.5,
      size: 32,
      sweeps: 600,
      equilibrationSweeps: 100,
    });
    expect(Math.abs(summary.meanAbsMagnetization - onsagerMagnetization(1.5))).toBeLessThan(0.002);
  });

  it('matches Onsager’s spontaneous magnetisation at T = 2.0 (L = 32) within 0.003', async () => {
    const { summary } = await ising.simulate({
      temperature: 2,
      size: 32,
      sweeps: 1000,
      equilibrationSweeps: 200,
    });
    expect(Math.abs(summary.meanAbsMagnetization - onsagerMagnetization(2))).toBeLessThan(0.003);
    expect(summary.meanAbsMagnetizationError).toBeLessThan(0.001);
  });

  it('matches Onsager’s exact energy per spin above T_c at T = 3.0 and 2.6 (L = 32) within 0.004', async () => {
    for (const temperature of [3, 2.6]) {
      const { summary } = await ising.simulate({
        temperature,
        size: 32,
        sweeps: 600,
        equilibrationSweeps: 100,
      });
      expect(Math.abs(summary.meanEnergyPerSpin - onsagerEnergy(temperature))).toBeLessThan(0.004);
      expect(summary.meanAbsMagnetization).toBeLessThan(0.2);
    }
  });

  it('reproduces exact enumeration of the 4×4 lattice in a field (h = 0.3, T = 2.5): e within 0.005, |m| within 0.01, C and χ within 5 %', async () => {
    const exact = enumerate4x4(2.5, 0.3);
    const { summary } = await ising.simulate({
      size: 4,
      temperature: 2.5,
      field: 0.3,
      sweeps: 20000,
      equilibrationSweeps: 100,
    });
    expect(Math.abs(summary.meanEnergyPerSpin - exact.energy)).toBeLessThan(0.005);
    expect(Math.abs(summary.meanAbsMagnetization - exact.absM)).toBeLessThan(0.01);
    expect(Math.abs(summary.specificHeat / exact.specificHeat - 1)).toBeLessThan(0.05);
    expect(Math.abs(summary.susceptibility / exact.susceptibility - 1)).toBeLessThan(0.05);
  });

  it('reproduces exact enumeration of the 4×4 lattice at T_c, h = 0: e within 0.005, |m| within 0.01', async () => {
    const exact = enumerate4x4(ISING_TC, 0);
    const { summary } = await ising.simulate({
      size: 4,
      temperature: ISING_TC,
      sweeps: 20000,
      equilibrationSweeps: 100,
      seed: 7,
    });
    expect(Math.abs(summary.meanEnergyPerSpin - exact.energy)).toBeLessThan(0.005);
    expect(Math.abs(summary.meanAbsMagnetization - exact.absM)).toBeLessThan(0.01);
  });
});

describe('ising engine', () => {
  it('keeps its 32 replicas independent although they share one random row per site', () => {
    const lattice = new IsingLattice({
      size: 32,
      temperature: 5,
      field: 0,
      seed: 3,
      initialState: 'ordered',
    });
    for (let i = 0; i < 50; i++) lattice.sweep();
    // At T = 5 two independent replicas agree on about half the sites.
    const a = lattice.replicaSpins(0);
    const b = lattice.replicaSpins(ISING_REPLICAS - 1);
    const agree = a.reduce((n, s, i) => n + (s === b[i] ? 1 : 0), 0) / a.length;
    expect(agree).toBeGreaterThan(0.4);
    expect(agree).toBeLessThan(0.6);
  });

  it('gives the same numbers for the same seed and different ones for another seed', async () => {
    const params = {
      size: 16,
      temperature: 2.3,
      sweeps: 50,
      equilibrationSweeps: 10,
      initialState: 'random' as const,
    };
    const a = await ising.simulate({ ...params, seed: 11 });
    const b = await ising.simulate({ ...params, seed: 11 });
    const c = await ising.simulate({ ...params, seed: 12 });
    expect(b).toEqual(a);
    expect(c.summary.meanEnergyPerSpin).not.toBe(a.summary.meanEnergyPerSpin);
  });

  it('records a downsampled columnar series and streams replica 0 as frames', async () => {
    const frames: { sweep: number; spins: Uint8Array }[] = [];
    const { series } = await ising.simulate(
      { size: 8, sweeps: 5000, equilibrationSweeps: 0 },
      { onFrame: (f) => frames.push(f), frameIntervalMs: 0 },
    );
    expect(series.sweep!.length).toBeLessThanOrEqual(2001);
    expect(series.sweep!.at(-1)).toBe(5000);
    expect(series.magnetization!.length).toBe(series.sweep!.length);
    expect(frames.at(-1)!.sweep).toBe(5000);
    expect(frames.at(-1)!.spins).toBeInstanceOf(Uint8Array);
    expect(frames.at(-1)!.spins.length).toBe(64);
  });

  it('rejects bad params naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ size: 33 }, 'size'],
      [{ size: 2 }, 'size'],
      [{ temperature: 0 }, 'temperature'],
      [{ temperature: 'hot' }, 'temperature'],
      [{ field: 5 }, 'field'],
      [{ sweeps: 1.5 }, 'sweeps'],
      [{ size: 512, sweeps: 100000 }, 'sweeps'],
      [{ initialState: 'up' }, 'initialState'],
      [{ colour: 'red' }, 'colour'],
    ];
    await expectRejected(ising, cases);
  });
});
