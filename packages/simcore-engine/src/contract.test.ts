import { describe, expect, it } from 'vitest';
import { moduleList } from './registry.ts';
import type { SimulationModule } from './types.ts';
import { transferablesOf } from './worker.ts';

/** Small runs of every module, to check the shape the app and simcore-api rely on. */
const small: Record<string, Record<string, unknown>> = {
  ising: { size: 8, sweeps: 20, equilibrationSweeps: 5 },
  brownian: { particles: 20, steps: 20 },
  tunneling: { gridPoints: 1024, steps: 20 },
  graphene: { kGrid: 30, pointsPerSegment: 10, dosBins: 20 },
  llg: { steps: 50 },
  pendulum: { steps: 50 },
};

describe('module contract', () => {
  for (const mod of moduleList as readonly SimulationModule[]) {
    it(`${mod.id}: summary and series match their field lists, series are finite JSON columns, frames carry fresh typed arrays`, async () => {
      const frames: unknown[] = [];
      const { summary, series } = await mod.simulate(small[mod.id], {
        onFrame: (frame) => frames.push(frame),
        frameIntervalMs: 0,
      });
      expect(Object.keys(summary).sort()).toEqual(Object.keys(mod.summaryFields).sort());
      expect(Object.keys(series)).toEqual(Object.keys(mod.seriesFields));
      expect(Object.values(summary).every(Number.isFinite)).toBe(true);
      expect(JSON.parse(JSON.stringify(series))).toEqual(series);
      for (const [key, column] of Object.entries(series)) {
        expect(column.every(Number.isFinite), key).toBe(true);
        const axis = mod.seriesFields[key]?.axis;
        if (axis) expect(column.length, `${key} against ${axis}`).toBe(series[axis]!.length);
      }
      expect(frames.length).toBeGreaterThan(0);
      const buffers = frames.flatMap(transferablesOf);
      expect(buffers.length).toBeGreaterThan(0);
      expect(new Set(buffers).size).toBe(buffers.length);
      expect(Object.keys(mod.params).sort()).toEqual(Object.keys(mod.defaults).sort());
    });
  }
});
