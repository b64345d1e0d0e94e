// public.repz_exercises under RLS: the global library (owner_id null) is readable by every
// signed-in user and writable by nobody; a user's own exercises are theirs, and readable by a
// coach only while their link is active.
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

const insertExercise = `insert into public.repz_exercises (owner_id, name, muscle_group, equipment)
  values ($1, $2, 'back', 'cable') returning owner_id, name`;

beforeAll(async () => {
  harness = connectHarness();
  cast = await createRepzCast(harness);
});

afterAll(async () => {
  await removeRepzCast(harness, cast);
  await harness?.close();
});

/** Ids of the three exercises the cast owns or shares that `userId` can see. */
async function visibleExercises(userId: string): Promise<string[]> {
  const rows = await harness
    .asUser(userId)
    .query<{ id: string }>('select id from public.repz_exercises where id = any($1) order by id', [
      [cast.globalExerciseId, cast.customExerciseId, cast.strangerExerciseId],
    ]);
  return rows.map((row) => row.id);
}

describe('repz_exercises: the global library', () => {
  it('the library holds at least 60 exercises, readable by every signed-in user', async () => {
    for (const user of [cast.client, cast.stranger, cast.activeCoach]) {
      const [row] = await harness
        .asUser(user.id)
        .query<{ n: number }>(
          'select count(*)::int as n from public.repz_exercises where owner_id is null',
        );
      expect(row!.n).toBeGreaterThanOrEqual(60);
    }
  });

  it('nobody can add a library exercise (owner_id null)', async () => {
    await expect(
      harness.asUser(cast.client.id).query(insertExercise, [null, 'Cossack Squat']),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('nobody can rename or delete a library exercise', async () => {
    for (const user of [cast.client, cast.activeCoach, cast.stranger]) {
      const session = harness.asUser(user.id);
      expect(
        await session.query(
          `update public.repz_exercises set name = 'Renamed' where id = $1 returning id`,
          [cast.globalExerciseId],
        ),
      ).toEqual([]);
      expect(
        await session.query('delete from public.repz_exercises where id = $1 returning id', [
          cast.globalExerciseId,
        ]),
      ).toEqual([]);
    }
  });
});

describe('repz_exercises: the owner', () => {
  it('a user reads the library and their own exercises, not another user’s', async () => {
    expect(await visibleExercises(cast.client.id)).toEqual(
      [cast.globalExerciseId, cast.customExerciseId].sort(),
    );
  });

  it('a user can create their own exercise, even one named like a library exercise', async () => {
    const rows = await harness
      .asUser(cast.client.id)
      .query(insertExercise, [cast.client.id, 'Back Squat']);
    expect(rows).toEqual([{ owner_id: cast.client.id, name: 'Back Squat' }]);
  });

  it('a user’s exercise names are unique, ignoring case', async () => {
    await expect(
      harness.asUser(cast.client.id).query(insertExercise, [cast.client.id, 'zercher SQUAT']),
    ).rejects.toMatchObject(UNIQUE_VIOLATION);
  });

  it('an exercise has a name of 1 to 80 visible characters, a known muscle group and equipment', async () => {
    const attempts: [string, string, string][] = [
      ['   ', 'back', 'cable'],
      ['x'.repeat(81), 'back', 'cable'],
      ['Neck Curl', 'neck', 'cable'],
      ['Sled Push', 'full_body', 'sled'],
    ];
    for (const [name, muscleGroup, equipment] of attempts) {
      await expect(
        harness
          .asUser(cast.client.id)
          .query(
            `insert into public.repz_exercises (owner_id, name, muscle_group, equipment) values ($1, $2, $3, $4)`,
            [cast.client.id, name, muscleGroup, equipment],
          ),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });

  it('a user can rename their own exercise', async () => {
    const rows = await harness
      .asUser(cast.client.id)
      .query(
        `update public.repz_exercises set name = 'Zercher Box Squat' where id = $1 returning name`,
        [cast.customExerciseId],
      );
    expect(rows).toEqual([{ name: 'Zercher Box Squat' }]);
  });

  it('a user cannot hand their exercise to another user or make it global', async () => {
    for (const owner of [cast.stranger.id, null]) {
      await expect(
        harness
          .asUser(cast.client.id)
          .query('update public.repz_exercises set owner_id = $2 where id = $1', [
            cast.customExerciseId,
            owner,
          ]),
      ).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });

  it('a user can delete an exercise of theirs that no set uses', async () => {
    const rows = await harness.asUser(cast.client.id).run(async (db) => {
      const created = await db.query<{ id: string }>(
        `insert into public.repz_exercises (owner_id, name, muscle_group, equipment)
         values ($1, 'Jefferson Curl', 'back', 'barbell') returning id`,
        [cast.client.id],
      );
      return (
        await db.query<{ id: string }>(
          'delete from public.repz_exercises where id = $1 returning id',
          [created.rows[0]!.id],
        )
      ).rows;
    });
    expect(rows).toHaveLength(1);
  });

  it('a user cannot delete an exercise their logged sets still use (refused at commit)', async () => {
    await expect(
      harness.asUser(cast.client.id).run(async (db) => {
        await db.query('delete from public.repz_exercises where id = $1', [cast.customExerciseId]);
        // The foreign key is checked at commit; sessions roll back, so ask for the check now.
        await db.query('set constraints all immediate');
      }),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
  });
});

describe('repz_exercises: a coach with an active link', () => {
  it('an active coach can read a client’s own exercises (so the client’s sets have names)', async () => {
    expect(await visibleExercises(cast.activeCoach.id)).toEqual(
      [cast.globalExerciseId, cast.customExerciseId].sort(),
    );
  });

  it('an active coach cannot create an exercise for a client', async () => {
    await expect(
      harness.asUser(cast.activeCoach.id).query(insertExercise, [cast.client.id, 'Planted']),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('an active coach cannot rename or delete a client’s exercise', async () => {
    const session = harness.asUser(cast.activeCoach.id);
    expect(
      await session.query(
        `update public.repz_exercises set name = 'Renamed' where id = $1 returning id`,
        [cast.customExerciseId],
      ),
    ).toEqual([]);
    expect(
      await session.query('delete from public.repz_exercises where id = $1 returning id', [
        cast.customExerciseId,
      ]),
    ).toEqual([]);
  });
});

describe('repz_exercises: a coach whose link has ended, and a stranger', () => {
  it('a coach whose link has ended, like a stranger, sees only the library and their own', async () => {
    expect(await visibleExercises(cast.endedCoach.id)).toEqual([cast.globalExerciseId]);
    expect(await visibleExercises(cast.stranger.id)).toEqual(
      [cast.globalExerciseId, cast.strangerExerciseId].sort(),
    );
  });

  it('neither can create, rename or delete the client’s exercises', async () => {
    for (const user of [cast.endedCoach, cast.stranger]) {
      const session = harness.asUser(user.id);
      await expect(
        session.query(insertExercise, [cast.client.id, 'Planted']),
      ).rejects.toMatchObject(RLS_VIOLATION);
      expect(
        await session.query(
          `update public.repz_exercises set name = 'Renamed' where id = $1 returning id`,
          [cast.customExerciseId],
        ),
      ).toEqual([]);
      expect(
        await session.query('delete from public.repz_exercises where id = $1 returning id', [
          cast.customExerciseId,
        ]),
      ).toEqual([]);
    }
  });
});

describe('repz_exercises: anon', () => {
  it('anon cannot read, create, update or delete exercises, not even the library', async () => {
    const attempts: [string, unknown[]][] = [
      ['select id from public.repz_exercises', []],
      [insertExercise, [null, 'Anon Squat']],
      [`update public.repz_exercises set name = 'Anon' where id = $1`, [cast.globalExerciseId]],
      ['delete from public.repz_exercises where id = $1', [cast.customExerciseId]],
    ];
    for (const [sql, params] of attempts) {
      await expect(harness.asAnon().query(sql, params)).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});
