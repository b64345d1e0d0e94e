import { describe, expect, it } from 'vitest';
import {
  coachAcceptSchema,
  periodStart,
  progressQuerySchema,
  workoutInputSchema,
  workoutListQuerySchema,
} from './schemas.ts';

const exerciseId = '6f1c1b5e-2a3d-4c1e-9f00-1a2b3c4d5e6f';
const valid = {
  performed_at: '2026-11-20T18:30:00Z',
  name: 'Push day',
  sets: [{ exercise_id: exerciseId, reps: 5, weight_kg: 100, rpe: 8.5 }],
};

function issuePath(input: unknown): string | undefined {
  const result = workoutInputSchema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.path.join('.');
}

describe('workout input', () => {
  it('accepts a well-formed workout', () => {
    expect(workoutInputSchema.parse(valid).sets).toHaveLength(1);
  });
  it('names the field that is wrong', () => {
    expect(issuePath({ ...valid, performed_at: 'yesterday' })).toBe('performed_at');
    expect(issuePath({ ...valid, name: '  ' })).toBe('name');
    expect(issuePath({ ...valid, sets: [] })).toBe('sets');
    expect(issuePath({ ...valid, sets: [{ ...valid.sets[0], rpe: 11 }] })).toBe('sets.0.rpe');
    expect(issuePath({ ...valid, sets: [{ ...valid.sets[0], reps: 0 }] })).toBe('sets.0.reps');
    expect(issuePath({ ...valid, sets: [{ ...valid.sets[0], weight_kg: -1 }] })).toBe(
      'sets.0.weight_kg',
    );
    expect(issuePath({ ...valid, sets: [{ ...valid.sets[0], exercise_id: 'bench' }] })).toBe(
      'sets.0.exercise_id',
    );
  });
  it('allows at most 100 sets', () => {
    const sets = Array.from({ length: 101 }, () => valid.sets[0]);
    expect(issuePath({ ...valid, sets })).toBe('sets');
    expect(issuePath({ ...valid, sets: sets.slice(0, 100) })).toBeUndefined();
  });
});

describe('queries', () => {
  it('default paging and reject an inverted date range', () => {
    expect(workoutListQuerySchema.parse({})).toEqual({ limit: 20, offset: 0, tz: 'UTC' });
    expect(workoutListQuerySchema.safeParse({ tz: 'Mars/Olympus' }).success).toBe(false);
    expect(workoutListQuerySchema.parse({ tz: 'Australia/Sydney' }).tz).toBe('Australia/Sydney');
    expect(workoutListQuerySchema.safeParse({ from: '2026-02-01', to: '2026-01-01' }).success).toBe(
      false,
    );
    expect(workoutListQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
  });
  it('default the progress period to 12 weeks', () => {
    expect(progressQuerySchema.parse({ exercise_id: exerciseId }).period).toBe('12w');
    expect(progressQuerySchema.safeParse({ exercise_id: exerciseId, period: '2w' }).success).toBe(
      false,
    );
  });
  it('normalise invite codes and reject look-alike characters', () => {
    expect(coachAcceptSchema.parse({ code: ' abcd2345 ' }).code).toBe('ABCD2345');
    expect(coachAcceptSchema.safeParse({ code: 'ABCD0O1I' }).success).toBe(false);
  });
  it('compute period starts inclusive of today', () => {
    expect(periodStart('4w', '2026-03-01')).toBe('2026-02-02');
    expect(periodStart('1y', '2026-03-01')).toBe('2025-03-02');
    expect(periodStart('all', '2026-03-01')).toBeNull();
  });
});
