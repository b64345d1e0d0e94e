// The private repz-progress-photos bucket's policies on storage.objects: objects live under
// '<owner id>/…'; the owner and the owner's active coach read; only the owner writes or deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness } from './harness.ts';
import {
  actAs,
  createRepzCast,
  PHOTOS_BUCKET,
  removeRepzCast,
  type RepzCast,
  RLS_VIOLATION,
} from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

let harness: DbHarness;
let cast: RepzCast;

const upload = `insert into storage.objects (bucket_id, name, owner) values ('${PHOTOS_BUCKET}', $1, $2) returning name`;
const list = `select name from storage.objects where bucket_id = '${PHOTOS_BUCKET}' order by name`;
const replace = `update storage.objects set metadata = '{"size": 1}' where bucket_id = '${PHOTOS_BUCKET}' and name = $1 returning name`;
const remove = `delete from storage.objects where bucket_id = '${PHOTOS_BUCKET}' and name = $1 returning name`;

beforeAll(async () => {
  harness = connectHarness();
  cast = await createRepzCast(harness);
});

afterAll(async () => {
  await removeRepzCast(harness, cast);
  await harness?.close();
});

describe('repz-progress-photos: the bucket', () => {
  it('is private, takes images up to 5 MB as WebP, JPEG or PNG', async () => {
    const { rows } = await harness.admin.query(
      'select public, file_size_limit, allowed_mime_types from storage.buckets where id = $1',
      [PHOTOS_BUCKET],
    );
    expect(rows).toEqual([
      {
        public: false,
        file_size_limit: '5242880',
        allowed_mime_types: ['image/webp', 'image/jpeg', 'image/png'],
      },
    ]);
  });
});

describe('repz-progress-photos: the owner', () => {
  it('an owner can list their photos', async () => {
    expect(await harness.asUser(cast.client.id).query(list)).toEqual([{ name: cast.photoName }]);
  });

  it('an owner can upload into their own folder, also in sub-folders', async () => {
    for (const name of [`${cast.client.id}/back.webp`, `${cast.client.id}/2025/02/side.jpg`]) {
      expect(await harness.asUser(cast.client.id).query(upload, [name, cast.client.id])).toEqual([
        { name },
      ]);
    }
  });

  it('an owner cannot upload into another user’s folder, the bucket root or a folder that is not a user id', async () => {
    for (const name of [
      `${cast.activeCoach.id}/planted.webp`,
      'loose.webp',
      'photos/front.webp',
      `${cast.client.id.toUpperCase()}/front.webp`,
    ]) {
      await expect(
        harness.asUser(cast.client.id).query(upload, [name, cast.client.id]),
      ).rejects.toMatchObject(RLS_VIOLATION);
    }
  });

  it('an owner can replace and delete their photo', async () => {
    const session = harness.asUser(cast.client.id);
    expect(await session.query(replace, [cast.photoName])).toEqual([{ name: cast.photoName }]);
    expect(await session.query(remove, [cast.photoName])).toEqual([{ name: cast.photoName }]);
  });

  it('an owner cannot move a photo into another user’s folder', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query('update storage.objects set name = $2 where bucket_id = $3 and name = $1', [
          cast.photoName,
          `${cast.stranger.id}/moved.webp`,
          PHOTOS_BUCKET,
        ]),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });
});

describe('repz-progress-photos: coaches, a stranger and anon', () => {
  it('an active coach can see a client’s photos', async () => {
    expect(await harness.asUser(cast.activeCoach.id).query(list)).toEqual([
      { name: cast.photoName },
    ]);
  });

  it('a coach whose link has ended cannot see them, nor can a stranger or anon', async () => {
    expect(await harness.asUser(cast.endedCoach.id).query(list)).toEqual([]);
    expect(await harness.asUser(cast.stranger.id).query(list)).toEqual([]);
    expect(await harness.asAnon().query(list)).toEqual([]);
  });

  it('the active coach loses sight of the photos as soon as the link ends', async () => {
    const seen = await harness.asUser(cast.client.id).run(async (db) => {
      await db.query(
        `update public.repz_coach_links set status = 'ended', ended_at = now() where id = $1`,
        [cast.activeLinkId],
      );
      await actAs(db, cast.activeCoach.id);
      return (await db.query<{ name: string }>(list)).rows;
    });
    expect(seen).toEqual([]);
  });

  it('no coach, active or not, nor a stranger or anon can upload into the client’s folder', async () => {
    for (const session of [
      harness.asUser(cast.activeCoach.id),
      harness.asUser(cast.endedCoach.id),
      harness.asUser(cast.stranger.id),
      harness.asAnon(),
    ]) {
      await expect(
        session.query(upload, [`${cast.client.id}/planted.webp`, null]),
      ).rejects.toMatchObject(RLS_VIOLATION);
    }
  });

  it('no coach, active or not, nor a stranger or anon can replace or delete the client’s photo', async () => {
    for (const session of [
      harness.asUser(cast.activeCoach.id),
      harness.asUser(cast.endedCoach.id),
      harness.asUser(cast.stranger.id),
      harness.asAnon(),
    ]) {
      expect(await session.query(replace, [cast.photoName])).toEqual([]);
      expect(await session.query(remove, [cast.photoName])).toEqual([]);
    }
    const { rows } = await harness.admin.query(
      'select metadata from storage.objects where bucket_id = $1 and name = $2',
      [PHOTOS_BUCKET, cast.photoName],
    );
    expect(rows).toEqual([{ metadata: null }]);
  });

  it('the coach’s access is to the photos bucket only: not to the client’s avatars', async () => {
    const avatar = `${cast.client.id}/avatar.webp`;
    const seen = await harness.asServiceRole().run(async (db) => {
      await db.query(
        `insert into storage.objects (bucket_id, name, owner) values ('avatars', $1, $2)`,
        [avatar, cast.client.id],
      );
      await db.query(`select set_config('role', 'authenticated', true)`);
      await actAs(db, cast.activeCoach.id);
      return (
        await db.query<{ name: string }>(
          `select name from storage.objects where bucket_id = 'avatars'`,
        )
      ).rows;
    });
    expect(seen).toEqual([]);
  });
});
