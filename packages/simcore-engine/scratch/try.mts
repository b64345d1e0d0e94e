import { ising } from '../src/index.ts';
for (const [T, L, sw] of [[1.5, 32, 2000], [2.0, 32, 2000], [3.0, 32, 2000], [2.5, 64, 1000]] as const) {
  const t0 = performance.now();
  const r = await ising.simulate({ temperature: T, size: L, sweeps: sw, equilibrationSweeps: 200 });
  console.log(T, L, (performance.now() - t0).toFixed(0) + 'ms', JSON.stringify(r.summary));
}
