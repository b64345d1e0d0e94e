// public.repz_progress (daily body metrics) and public.repz_body_profiles (height, birth date, sex,
// activity) under RLS: owner-only writes, read by a coach only while their link is active.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness } from './harness.ts';
import {
  CHECK_VIOLATION,
  createRepzCast,
  PERMISSION_DENIED,
  removeRepzCast,
  type RepzCast,
  RLS_VIOLATION,
  UNIQUE_VIOLATION,
} from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

let harness: DbHarness;
let cast: RepzCast;

const insertProgress = `insert into public.repz_progress (owner_id, day, body_weight_kg, body_fat_pct)
  values ($1, $2, $3, $4) returning owner_id, day::text, body_weight_kg, body_fat_pct`;
const insertBodyProfile = `insert into public.repz_body_profiles (id, height_cm, birth_date, sex, activity_level)
  values ($1, $2, $3, $4, $5) returning id`;

beforeAll(async () => {
  harness = connectHarness();
  cast = await createRepzCast(harness);
});

afterAll(async () => {
  await removeRepzCast(harness, cast);
  await harness?.close();
});

describe('repz_progress: the owner', () => {
  it('an owner can read their body metrics', async () => {
    const rows = await harness
      .asUser(cast.client.id)
      .query('select day::text, body_weight_kg, body_fat_pct from public.repz_progress');
    expect(rows).toEqual([
      { day: cast.progressDay, body_weight_kg: '82.50', body_fat_pct: '18.0' },
    ]);
  });

  it('an owner can record another day, with weight only or body fat only', async () => {
    const session = harness.asUser(cast.client.id);
    await session.run(async (db) => {
      expect(
        (await db.query(insertProgress, [cast.client.id, '2025-02-02', 82, null])).rows,
      ).toEqual([
        {
          owner_id: cast.client.id,
          day: '2025-02-02',
          body_weight_kg: '82.00',
          body_fat_pct: null,
        },
      ]);
      expect(
        (await db.query(insertProgress, [cast.client.id, '2025-02-03', null, 17.5])).rows,
      ).toEqual([
        { owner_id: cast.client.id, day: '2025-02-03', body_weight_kg: null, body_fat_pct: '17.5' },
      ]);
    });
  });

  it('one progress row per day: a second row for the same day is refused', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query(insertProgress, [cast.client.id, cast.progressDay, 81, null]),
    ).rejects.toMatchObject(UNIQUE_VIOLATION);
  });

  it('moving a row onto a day that already has one is refused too', async () => {
    await expect(
      harness.asUser(cast.client.id).run(async (db) => {
        await db.query(insertProgress, [cast.client.id, '2025-02-02', 82, null]);
        await db.query(`update public.repz_progress set day = '2025-02-02' where id = $1`, [
          cast.progressId,
        ]);
      }),
    ).rejects.toMatchObject(UNIQUE_VIOLATION);
  });

  it('a row needs a measurement, a weight of 20–400 kg and body fat of 2–75 %', async () => {
    const attempts: [number | null, number | null][] = [
      [null, null],
      [19.5, null],
      [400.5, null],
      [null, 1.5],
      [null, 75.5],
    ];
    for (const [weight, fat] of attempts) {
      await expect(
        harness
          .asUser(cast.client.id)
          .query(insertProgress, [cast.client.id, '2025-03-01', weight, fat]),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });

  it('an owner can correct and delete their body metrics', async () => {
    const session = harness.asUser(cast.client.id);
    expect(
      await session.query(
        'update public.repz_progress set body_weight_kg = 82.1 where id = $1 returning body_weight_kg',
        [cast.progressId],
      ),
    ).toEqual([{ body_weight_kg: '82.10' }]);
    expect(
      await session.query('delete from public.repz_progress where id = $1 returning id', [
        cast.progressId,
      ]),
    ).toEqual([{ id: cast.progressId }]);
  });

  it('an owner cannot hand a row to another user', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query('update public.repz_progress set owner_id = $2 where id = $1', [
          cast.progressId,
          cast.stranger.id,
        ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });
});

describe('repz_progress: coaches, a stranger and anon', () => {
  it('an active coach can read a client’s body metrics', async () => {
    const rows = await harness
      .asUser(cast.activeCoach.id)
      .query('select id from public.repz_progress where owner_id = $1', [cast.client.id]);
    expect(rows).toEqual([{ id: cast.progressId }]);
  });

  it('a coach whose link has ended cannot read them, nor can a stranger', async () => {
    for (const user of [cast.endedCoach, cast.stranger]) {
      expect(await harness.asUser(user.id).query('select id from public.repz_progress')).toEqual(
        [],
      );
    }
  });

  it('no coach, active or not, nor a stranger can record, correct or delete the client’s metrics', async () => {
    for (const user of [cast.activeCoach, cast.endedCoach, cast.stranger]) {
      const session = harness.asUser(user.id);
      await expect(
        session.query(insertProgress, [cast.client.id, '2025-02-09', 80, null]),
      ).rejects.toMatchObject(RLS_VIOLATION);
      expect(
        await session.query(
          'update public.repz_progress set body_weight_kg = 60 where id = $1 returning id',
          [cast.progressId],
        ),
      ).toEqual([]);
      expect(
        await session.query('delete from public.repz_progress where id = $1 returning id', [
          cast.progressId,
        ]),
      ).toEqual([]);
    }
    const stored = await harness.admin.query(
      'select body_weight_kg from public.repz_progress where id = $1',
      [cast.progressId],
    );
    expect(stored.rows).toEqual([{ body_weight_kg: '82.50' }]);
  });

  it('anon cannot read, record, correct or delete body metrics', async () => {
    const attempts: [string, unknown[]][] = [
      ['select id from public.repz_progress', []],
      [insertProgress, [cast.client.id, '2025-02-09', 80, null]],
      ['update public.repz_progress set body_weight_kg = 60 where id = $1', [cast.progressId]],
      ['delete from public.repz_progress where id = $1', [cast.progressId]],
    ];
    for (const [sql, params] of attempts) {
      await expect(harness.asAnon().query(sql, params)).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});

describe('repz_body_profiles: the owner', () => {
  it('an owner can read their body profile', async () => {
    const rows = await harness
      .asUser(cast.client.id)
      .query('select id, height_cm, sex, activity_level from public.repz_body_profiles');
    expect(rows).toEqual([
      { id: cast.client.id, height_cm: '180.0', sex: 'male', activity_level: 'active' },
    ]);
  });

  it('a user can create their body profile, keyed by their id by default; only one', async () => {
    const rows = await harness
      .asUser(cast.stranger.id)
      .query(
        `insert into public.repz_body_profiles (height_cm) values (165) returning id, activity_level`,
      );
    expect(rows).toEqual([{ id: cast.stranger.id, activity_level: 'moderate' }]);
    await expect(
      harness
        .asUser(cast.client.id)
        .query(insertBodyProfile, [cast.client.id, 181, null, null, 'light']),
    ).rejects.toMatchObject(UNIQUE_VIOLATION);
  });

  it('a body profile has a height of 100–250 cm, a birth date not in the future and known sex and activity', async () => {
    const attempts: [number | null, string | null, string | null, string][] = [
      [99.5, null, null, 'moderate'],
      [250.5, null, null, 'moderate'],
      [null, '2999-01-01', null, 'moderate'],
      [null, '1899-12-31', null, 'moderate'],
      [null, null, 'other', 'moderate'],
      [null, null, null, 'athlete'],
    ];
    for (const params of attempts) {
      await expect(
        harness.asUser(cast.stranger.id).query(insertBodyProfile, [cast.stranger.id, ...params]),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });

  it('an owner can update and delete their body profile', async () => {
    const session = harness.asUser(cast.client.id);
    expect(
      await session.query(
        `update public.repz_body_profiles set height_cm = 181.5, activity_level = 'very_active'
         where id = $1 returning height_cm, activity_level`,
        [cast.client.id],
      ),
    ).toEqual([{ height_cm: '181.5', activity_level: 'very_active' }]);
    expect(
      await session.query('delete from public.repz_body_profiles where id = $1 returning id', [
        cast.client.id,
      ]),
    ).toEqual([{ id: cast.client.id }]);
  });

  it('an owner cannot re-key their body profile to another user', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query('update public.repz_body_profiles set id = $2 where id = $1', [
          cast.client.id,
          cast.stranger.id,
        ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });
});

describe('repz_body_profiles: coaches, a stranger and anon', () => {
  it('no coach, active or ended, nor a stranger can read a client’s body profile (birth date and sex stay private)', async () => {
    for (const user of [cast.activeCoach, cast.endedCoach, cast.stranger]) {
      expect(
        await harness.asUser(user.id).query('select id from public.repz_body_profiles'),
      ).toEqual([]);
    }
  });

  it('no coach, active or not, nor a stranger can create, update or delete the client’s body profile', async () => {
    for (const user of [cast.activeCoach, cast.endedCoach, cast.stranger]) {
      const session = harness.asUser(user.id);
      await expect(
        session.query(insertBodyProfile, [cast.client.id, 170, null, null, 'light']),
      ).rejects.toMatchObject(RLS_VIOLATION);
      expect(
        await session.query(
          'update public.repz_body_profiles set height_cm = 150 where id = $1 returning id',
          [cast.client.id],
        ),
      ).toEqual([]);
      expect(
        await session.query('delete from public.repz_body_profiles where id = $1 returning id', [
          cast.client.id,
        ]),
      ).toEqual([]);
    }
  });

  it('anon cannot read, create, update or delete body profiles', async () => {
    const attempts: [string, unknown[]][] = [
      ['select id from public.repz_body_profiles', []],
      [insertBodyProfile, [cast.client.id, 170, null, null, 'light']],
      ['update public.repz_body_profiles set height_cm = 150 where id = $1', [cast.client.id]],
      ['delete from public.repz_body_profiles where id = $1', [cast.client.id]],
    ];
    for (const [sql, params] of attempts) {
      await expect(harness.asAnon().query(sql, params)).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});
