import { describe, expect, it } from 'vitest';
import { personalRecords, progressPoints } from './progress.ts';

const sets = [
  { day: '2026-11-03', reps: 5, weight_kg: 100 },
  { day: '2026-11-01', reps: 8, weight_kg: 80 },
  { day: '2026-11-01', reps: 10, weight_kg: 85 },
  { day: '2026-11-03', reps: 1, weight_kg: 115 },
];

describe('exercise progress', () => {
  it('groups sets by day in date order with best weight, volume and estimated 1RM', () => {
    expect(progressPoints(sets)).toEqual([
      {
        date: '2026-11-01',
        max_weight_kg: 85,
        volume_kg: 1490,
        e1rm_epley_kg: 113.33,
        e1rm_brzycki_kg: 113.33,
      },
      {
        date: '2026-11-03',
        max_weight_kg: 115,
        volume_kg: 615,
        e1rm_epley_kg: 116.67,
        e1rm_brzycki_kg: 115,
      },
    ]);
  });
  it('reads the period records off the points', () => {
    expect(personalRecords(progressPoints(sets))).toEqual({
      max_weight_kg: 115,
      max_volume_kg: 1490,
      max_e1rm_kg: 116.67,
    });
  });
  it('has no points or records for no sets', () => {
    expect(progressPoints([])).toEqual([]);
    expect(personalRecords([])).toEqual({
      max_weight_kg: null,
      max_volume_kg: null,
      max_e1rm_kg: null,
    });
  });
  it('leaves the Brzycki estimate empty for high-rep days only', () => {
    const [point] = progressPoints([{ day: '2026-11-05', reps: 40, weight_kg: 20 }]);
    expect(point?.e1rm_brzycki_kg).toBeNull();
    expect(point?.e1rm_epley_kg).toBeNull();
  });
});
