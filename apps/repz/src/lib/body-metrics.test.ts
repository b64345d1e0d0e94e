import { describe, expect, it } from 'vitest';
import { ageOn } from './age.ts';
import { bodyMetrics } from './body-metrics.ts';

const profile = { height_cm: 180, sex: 'male' as const, activity_level: 'moderate' as const };

describe('bodyMetrics', () => {
  it('uses the latest weight and the latest body fat, which may be from different days', () => {
    const metrics = bodyMetrics(
      [
        { day: '2026-03-01', body_weight_kg: 82, body_fat_pct: 20 },
        { day: '2026-03-02', body_weight_kg: 81, body_fat_pct: null },
      ],
      profile,
      30,
    );
    expect(metrics.weightKg).toBe(81);
    expect(metrics.leanKg).toBeCloseTo(64.8, 5); // 81 × 0.8
    expect(metrics.bmi).toBeCloseTo(25.0, 1); // 81 / 1.8²
    // Mifflin–St Jeor: 10·81 + 6.25·180 − 5·30 + 5 = 1790; × 1.55 = 2774.5
    expect(metrics.rmr).toBe(1790);
    expect(metrics.tdee).toBeCloseTo(2774.5, 5);
  });

  it('leaves out what it cannot compute', () => {
    expect(
      bodyMetrics([{ day: '2026-03-01', body_weight_kg: 80, body_fat_pct: null }], null, null),
    ).toEqual({
      weightKg: 80,
      bmi: null,
      leanKg: null,
      rmr: null,
      tdee: null,
    });
    expect(bodyMetrics([], profile, 30).bmi).toBeNull();
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });
});
