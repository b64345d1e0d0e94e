// The database functions behind repz-api run as the caller, so RLS decides what they return: a
// coach passing a client's id sees the client's training only while the link is active, and a
// workout is saved with all its sets or not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness } from './harness.ts';
import {
  createRepzCast,
  PERMISSION_DENIED,
  removeRepzCast,
  type RepzCast,
} from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

let harness: DbHarness;
let cast: RepzCast;

const listWorkouts = `select public.repz_list_workouts('UTC', athlete => $1) as page`;
const exerciseSets = `select day::text, reps, weight_kg from public.repz_exercise_sets($1, 'UTC', athlete => $2)`;
const stats = `select public.repz_stats('UTC', athlete => $1) -> 'week_volume_kg' as volume`;
const saveWorkout = 'select public.repz_save_workout($1::jsonb, $2) as saved';

interface Page {
  total: number;
  items: { id: string; sets: { exercise_name: string }[] }[];
}

beforeAll(async () => {
  harness = connectHarness();
  cast = await createRepzCast(harness);
});

afterAll(async () => {
  await removeRepzCast(harness, cast);
  await harness?.close();
});

function workout(exerciseIds: string[]) {
  return {
    performed_at: '2025-02-04T17:00:00Z',
    name: 'Saved through the function',
    sets: exerciseIds.map((exercise_id) => ({ exercise_id, reps: 5, weight_kg: 80 })),
  };
}

describe('repz read functions for another athlete', () => {
  it('an active coach lists a client’s workouts, with the client’s own exercise names', async () => {
    const [row] = await harness
      .asUser(cast.activeCoach.id)
      .query<{ page: Page }>(listWorkouts, [cast.client.id]);
    expect(row!.page.total).toBe(1);
    expect(row!.page.items[0]!.id).toBe(cast.workoutId);
    expect(row!.page.items[0]!.sets.map((set) => set.exercise_name)).toEqual([
      'Back Squat',
      'Zercher Squat',
    ]);
  });

  it('a coach whose link has ended, or a stranger, gets an empty page, sets and zero volume', async () => {
    for (const user of [cast.endedCoach, cast.stranger]) {
      const session = harness.asUser(user.id);
      const [list] = await session.query<{ page: Page }>(listWorkouts, [cast.client.id]);
      expect(list!.page).toEqual({ total: 0, items: [] });
      expect(await session.query(exerciseSets, [cast.globalExerciseId, cast.client.id])).toEqual(
        [],
      );
      const [volume] = await session.query(stats, [cast.client.id]);
      expect(volume).toEqual({ volume: 0 });
    }
  });

  it('an active coach reads a client’s sets of one exercise', async () => {
    const rows = await harness
      .asUser(cast.activeCoach.id)
      .query(exerciseSets, [cast.customExerciseId, cast.client.id]);
    expect(rows).toEqual([
      {
        day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
        reps: 5,
        weight_kg: '100.00',
      },
    ]);
  });

  it('anon cannot call the read functions', async () => {
    for (const [sql, params] of [
      [listWorkouts, [cast.client.id]],
      [exerciseSets, [cast.globalExerciseId, cast.client.id]],
      [stats, [cast.client.id]],
    ] as const) {
      await expect(harness.asAnon().query(sql, [...params])).rejects.toMatchObject(
        PERMISSION_DENIED,
      );
    }
  });
});

describe('repz_save_workout', () => {
  it('a user saves a workout with its sets, numbered in order', async () => {
    const [row] = await harness
      .asUser(cast.client.id)
      .query<{ saved: { owner_id: string; sets: { set_number: number }[] } }>(saveWorkout, [
        workout([cast.globalExerciseId, cast.customExerciseId]),
        null,
      ]);
    expect(row!.saved.owner_id).toBe(cast.client.id);
    expect(row!.saved.sets.map((set) => set.set_number)).toEqual([1, 2]);
  });

  it('a set with another user’s exercise is refused, naming the set', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query(saveWorkout, [workout([cast.globalExerciseId, cast.strangerExerciseId]), null]),
    ).rejects.toMatchObject({ code: '23503', hint: 'sets.1.exercise_id' });
  });

  it('a coach cannot overwrite a client’s workout through the function', async () => {
    await expect(
      harness
        .asUser(cast.activeCoach.id)
        .query(saveWorkout, [workout([cast.globalExerciseId]), cast.workoutId]),
    ).rejects.toMatchObject({ code: 'P0002', hint: 'workout_id' });
  });
});
