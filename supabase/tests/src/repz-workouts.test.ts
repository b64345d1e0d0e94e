// public.repz_workouts and public.repz_workout_sets under RLS: owner-only writes; a coach reads a
// client's training only while their link is active. Sets carry their workout's owner, kept equal
// by a composite foreign key, and may only use exercises their owner can log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness } from './harness.ts';
import {
  CHECK_VIOLATION,
  createRepzCast,
  FOREIGN_KEY_VIOLATION,
  PERMISSION_DENIED,
  removeRepzCast,
  type RepzCast,
  RLS_VIOLATION,
  UNIQUE_VIOLATION,
} from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

let harness: DbHarness;
let cast: RepzCast;
let coachWorkoutId: string;

const insertWorkout = `insert into public.repz_workouts (owner_id, performed_at, name)
  values ($1, '2025-02-03T18:00:00Z', 'Push day') returning owner_id, name`;
const insertSet = `insert into public.repz_workout_sets
  (workout_id, owner_id, exercise_id, set_number, reps, weight_kg)
  values ($1, $2, $3, $4, 8, 60) returning workout_id, owner_id, set_number`;

beforeAll(async () => {
  harness = connectHarness();
  cast = await createRepzCast(harness);
  const { rows } = await harness.admin.query<{ id: string }>(
    `insert into public.repz_workouts (owner_id, performed_at, name)
     values ($1, now(), 'Coach’s own session') returning id`,
    [cast.activeCoach.id],
  );
  coachWorkoutId = rows[0]!.id;
});

afterAll(async () => {
  await removeRepzCast(harness, cast);
  await harness?.close();
});

async function readsWorkouts(userId: string): Promise<string[]> {
  const rows = await harness
    .asUser(userId)
    .query<{ id: string }>('select id from public.repz_workouts where id = any($1)', [
      [cast.workoutId, cast.strangerWorkoutId, coachWorkoutId],
    ]);
  return rows.map((row) => row.id);
}

async function readsSets(userId: string): Promise<string[]> {
  const rows = await harness
    .asUser(userId)
    .query<{ id: string }>(
      'select id from public.repz_workout_sets where workout_id = $1 order by set_number',
      [cast.workoutId],
    );
  return rows.map((row) => row.id);
}

describe('repz_workouts: the owner', () => {
  it('an owner can read their workouts, and only theirs', async () => {
    expect(await readsWorkouts(cast.client.id)).toEqual([cast.workoutId]);
  });

  it('an owner can log a workout, owned by them by default', async () => {
    const rows = await harness
      .asUser(cast.client.id)
      .query(
        `insert into public.repz_workouts (performed_at, name) values (now(), 'Pull day') returning owner_id`,
      );
    expect(rows).toEqual([{ owner_id: cast.client.id }]);
  });

  it('an owner can edit their workout', async () => {
    const rows = await harness.asUser(cast.client.id).query(
      `update public.repz_workouts set name = 'Heavy legs', notes = 'Felt strong', duration_min = 75
         where id = $1 returning name, notes, duration_min`,
      [cast.workoutId],
    );
    expect(rows).toEqual([{ name: 'Heavy legs', notes: 'Felt strong', duration_min: 75 }]);
  });

  it('an owner cannot hand a workout to another user', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query('update public.repz_workouts set owner_id = $2 where id = $1', [
          cast.workoutId,
          cast.stranger.id,
        ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('an owner can delete their workout, and its sets go with it', async () => {
    const remaining = await harness.asUser(cast.client.id).run(async (db) => {
      const deleted = await db.query(
        'delete from public.repz_workouts where id = $1 returning id',
        [cast.workoutId],
      );
      expect(deleted.rows).toEqual([{ id: cast.workoutId }]);
      return (
        await db.query<{ id: string }>(
          'select id from public.repz_workout_sets where workout_id = $1',
          [cast.workoutId],
        )
      ).rows;
    });
    expect(remaining).toEqual([]);
  });

  it('a workout has a name of 1 to 120 visible characters, notes of at most 2000 and 1 to 1440 minutes', async () => {
    const attempts: [string, string | null, number | null][] = [
      [' ', null, null],
      ['x'.repeat(121), null, null],
      ['Legs', 'n'.repeat(2001), null],
      ['Legs', null, 0],
      ['Legs', null, 1441],
    ];
    for (const [name, notes, minutes] of attempts) {
      await expect(
        harness
          .asUser(cast.client.id)
          .query(
            `insert into public.repz_workouts (performed_at, name, notes, duration_min) values (now(), $1, $2, $3)`,
            [name, notes, minutes],
          ),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });
});

describe('repz_workouts: coaches, a stranger and anon', () => {
  it('an active coach can read a client’s workouts (and their own)', async () => {
    expect((await readsWorkouts(cast.activeCoach.id)).sort()).toEqual(
      [cast.workoutId, coachWorkoutId].sort(),
    );
  });

  it('a client cannot read their coach’s workouts: coaching is one-way', async () => {
    expect(await readsWorkouts(cast.client.id)).not.toContain(coachWorkoutId);
  });

  it('a coach whose link has ended cannot read the former client’s workouts, nor can a stranger', async () => {
    expect(await readsWorkouts(cast.endedCoach.id)).toEqual([]);
    expect(await readsWorkouts(cast.stranger.id)).toEqual([cast.strangerWorkoutId]);
  });

  it('no coach, active or not, nor a stranger can log a workout for the client', async () => {
    for (const user of [cast.activeCoach, cast.endedCoach, cast.stranger]) {
      await expect(
        harness.asUser(user.id).query(insertWorkout, [cast.client.id]),
      ).rejects.toMatchObject(RLS_VIOLATION);
    }
  });

  it('no coach, active or not, nor a stranger can edit or delete the client’s workout', async () => {
    for (const user of [cast.activeCoach, cast.endedCoach, cast.stranger]) {
      const session = harness.asUser(user.id);
      expect(
        await session.query(
          `update public.repz_workouts set name = 'Coached' where id = $1 returning id`,
          [cast.workoutId],
        ),
      ).toEqual([]);
      expect(
        await session.query('delete from public.repz_workouts where id = $1 returning id', [
          cast.workoutId,
        ]),
      ).toEqual([]);
    }
    const stored = await harness.admin.query(
      'select name from public.repz_workouts where id = $1',
      [cast.workoutId],
    );
    expect(stored.rows).toEqual([{ name: 'Leg day' }]);
  });

  it('anon cannot read, log, edit or delete workouts', async () => {
    const attempts: [string, unknown[]][] = [
      ['select id from public.repz_workouts', []],
      [insertWorkout, [cast.client.id]],
      [`update public.repz_workouts set name = 'Anon' where id = $1`, [cast.workoutId]],
      ['delete from public.repz_workouts where id = $1', [cast.workoutId]],
    ];
    for (const [sql, params] of attempts) {
      await expect(harness.asAnon().query(sql, params)).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});

describe('repz_workout_sets: the owner', () => {
  it('an owner can read their sets', async () => {
    expect(await readsSets(cast.client.id)).toEqual(cast.setIds);
  });

  it('an owner can add sets with a library exercise and with their own exercise', async () => {
    const session = harness.asUser(cast.client.id);
    for (const [exerciseId, setNumber] of [
      [cast.globalExerciseId, 3],
      [cast.customExerciseId, 4],
    ] as const) {
      expect(
        await session.query(insertSet, [cast.workoutId, cast.client.id, exerciseId, setNumber]),
      ).toEqual([{ workout_id: cast.workoutId, owner_id: cast.client.id, set_number: setNumber }]);
    }
  });

  it('a set’s owner defaults to the caller', async () => {
    const rows = await harness.asUser(cast.client.id).query(
      `insert into public.repz_workout_sets (workout_id, exercise_id, set_number, reps, weight_kg)
       values ($1, $2, 3, 5, 100) returning owner_id`,
      [cast.workoutId, cast.globalExerciseId],
    );
    expect(rows).toEqual([{ owner_id: cast.client.id }]);
  });

  it('a user cannot add a set that uses another user’s custom exercise', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query(insertSet, [cast.workoutId, cast.client.id, cast.strangerExerciseId, 3]),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('a coach cannot log their client’s custom exercise in their own workout, though they can read it', async () => {
    await expect(
      harness
        .asUser(cast.activeCoach.id)
        .query(insertSet, [coachWorkoutId, cast.activeCoach.id, cast.customExerciseId, 1]),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('a user cannot switch a set to another user’s custom exercise', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query('update public.repz_workout_sets set exercise_id = $2 where id = $1', [
          cast.setIds[0],
          cast.strangerExerciseId,
        ]),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('sets must belong to a workout of the same owner (composite foreign key)', async () => {
    // Owned by the caller but in a stranger's workout: the policy passes, the key does not.
    await expect(
      harness
        .asUser(cast.client.id)
        .query(insertSet, [cast.strangerWorkoutId, cast.client.id, cast.globalExerciseId, 2]),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    // Not even the service role, which bypasses RLS, can pair a workout with another owner.
    await expect(
      harness
        .asServiceRole()
        .query(insertSet, [cast.workoutId, cast.stranger.id, cast.globalExerciseId, 3]),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
  });

  it('a user cannot add a set owned by someone else', async () => {
    await expect(
      harness
        .asUser(cast.stranger.id)
        .query(insertSet, [cast.workoutId, cast.client.id, cast.globalExerciseId, 3]),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('an owner can correct a set’s reps, weight, RPE and rest', async () => {
    const rows = await harness.asUser(cast.client.id).query(
      `update public.repz_workout_sets set reps = 6, weight_kg = 102.5, rpe = 8.5, rest_seconds = 180
         where id = $1 returning reps, weight_kg, rpe, rest_seconds`,
      [cast.setIds[0]],
    );
    expect(rows).toEqual([{ reps: 6, weight_kg: '102.50', rpe: '8.5', rest_seconds: 180 }]);
  });

  it('a set cannot be moved to another workout or owner', async () => {
    for (const [column, value] of [
      ['workout_id', cast.strangerWorkoutId],
      ['owner_id', cast.stranger.id],
    ]) {
      await expect(
        harness
          .asUser(cast.client.id)
          .query(`update public.repz_workout_sets set ${column} = $2 where id = $1`, [
            cast.setIds[0],
            value,
          ]),
      ).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });

  it('an owner can delete their set', async () => {
    const rows = await harness
      .asUser(cast.client.id)
      .query('delete from public.repz_workout_sets where id = $1 returning id', [cast.setIds[1]]);
    expect(rows).toEqual([{ id: cast.setIds[1] }]);
  });

  it('every range is checked: set number 1–100, reps 1–1000, 0–1500 kg, RPE 1–10 in halves, rest 0–3600 s', async () => {
    const attempts: [string, number][] = [
      ['set_number', 0],
      ['set_number', 101],
      ['reps', 0],
      ['reps', 1001],
      ['weight_kg', -0.5],
      ['weight_kg', 1500.5],
      ['rpe', 0.5],
      ['rpe', 10.5],
      ['rpe', 7.3],
      ['rest_seconds', -1],
      ['rest_seconds', 3601],
    ];
    for (const [column, value] of attempts) {
      await expect(
        harness
          .asUser(cast.client.id)
          .query(`update public.repz_workout_sets set ${column} = $2 where id = $1`, [
            cast.setIds[0],
            value,
          ]),
        `${column} = ${value}`,
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });

  it('a workout has one set of each number', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query(insertSet, [cast.workoutId, cast.client.id, cast.globalExerciseId, 1]),
    ).rejects.toMatchObject(UNIQUE_VIOLATION);
  });
});

describe('repz_workout_sets: coaches, a stranger and anon', () => {
  it('an active coach can read a client’s sets, with the names of the client’s own exercises', async () => {
    const rows = await harness.asUser(cast.activeCoach.id).query(
      `select s.set_number, e.name from public.repz_workout_sets s
       join public.repz_exercises e on e.id = s.exercise_id
       where s.workout_id = $1 order by s.set_number`,
      [cast.workoutId],
    );
    expect(rows).toEqual([
      { set_number: 1, name: 'Back Squat' },
      { set_number: 2, name: 'Zercher Squat' },
    ]);
  });

  it('a coach whose link has ended cannot read the former client’s sets, nor can a stranger', async () => {
    expect(await readsSets(cast.endedCoach.id)).toEqual([]);
    expect(await readsSets(cast.stranger.id)).toEqual([]);
  });

  it('no coach, active or not, nor a stranger can add a set to the client’s workout', async () => {
    for (const user of [cast.activeCoach, cast.endedCoach, cast.stranger]) {
      for (const ownerId of [user.id, cast.client.id]) {
        await expect(
          harness
            .asUser(user.id)
            .query(insertSet, [cast.workoutId, ownerId, cast.globalExerciseId, 9]),
        ).rejects.toMatchObject({ code: ownerId === user.id ? '23503' : '42501' });
      }
    }
  });

  it('a coach cannot change or delete a client’s sets, active link or not, nor can a stranger', async () => {
    for (const user of [cast.activeCoach, cast.endedCoach, cast.stranger]) {
      const session = harness.asUser(user.id);
      expect(
        await session.query(
          'update public.repz_workout_sets set reps = 20 where workout_id = $1 returning id',
          [cast.workoutId],
        ),
      ).toEqual([]);
      expect(
        await session.query(
          'delete from public.repz_workout_sets where workout_id = $1 returning id',
          [cast.workoutId],
        ),
      ).toEqual([]);
    }
    const stored = await harness.admin.query(
      'select reps from public.repz_workout_sets where workout_id = $1 order by set_number',
      [cast.workoutId],
    );
    expect(stored.rows).toEqual([{ reps: 5 }, { reps: 5 }]);
  });

  it('anon cannot read, add, change or delete sets', async () => {
    const attempts: [string, unknown[]][] = [
      ['select id from public.repz_workout_sets', []],
      [insertSet, [cast.workoutId, cast.client.id, cast.globalExerciseId, 9]],
      ['update public.repz_workout_sets set reps = 1 where id = $1', [cast.setIds[0]]],
      ['delete from public.repz_workout_sets where id = $1', [cast.setIds[0]]],
    ];
    for (const [sql, params] of attempts) {
      await expect(harness.asAnon().query(sql, params)).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});

describe('repz training data: deleting the user', () => {
  it('deleting a user deletes their exercises, workouts and sets, including sets of their own exercises', async () => {
    const leaving = await harness.createUser();
    const { rows } = await harness.admin.query<{ id: string }>(
      `with exercise as (
         insert into public.repz_exercises (owner_id, name, muscle_group, equipment)
         values ($1, 'Own lift', 'core', 'other') returning id
       ), workout as (
         insert into public.repz_workouts (owner_id, performed_at, name)
         values ($1, now(), 'Last session') returning id
       )
       insert into public.repz_workout_sets (workout_id, owner_id, exercise_id, set_number, reps, weight_kg)
       select workout.id, $1, exercise.id, 1, 10, 20 from workout, exercise
       returning exercise_id as id`,
      [leaving.id],
    );
    expect(rows).toHaveLength(1);
    await harness.admin.query('delete from auth.users where id = $1', [leaving.id]);
    const left = await harness.admin.query(
      `select (select count(*) from public.repz_exercises where owner_id = $1)::int as exercises,
              (select count(*) from public.repz_workouts where owner_id = $1)::int as workouts,
              (select count(*) from public.repz_workout_sets where owner_id = $1)::int as sets`,
      [leaving.id],
    );
    expect(left.rows).toEqual([{ exercises: 0, workouts: 0, sets: 0 }]);
  });
});
