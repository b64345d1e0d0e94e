// The avatars bucket's policies on storage.objects: each user writes only under '<own id>/'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness, TestUser } from './harness.ts';
import { connectHarness } from './stack.ts';

const RLS_VIOLATION = {
  code: '42501',
  message: expect.stringContaining('row-level security') as unknown,
};

let harness: DbHarness;
let owner: TestUser;
let other: TestUser;
let ownerAvatar: string;

const insertObject = `insert into storage.objects (bucket_id, name, owner) values ('avatars', $1, $2) returning name`;

beforeAll(async () => {
  harness = connectHarness();
  owner = await harness.createUser();
  other = await harness.createUser();
  ownerAvatar = `${owner.id}/avatar.png`;
  await harness.admin.query(insertObject, [ownerAvatar, owner.id]);
});

afterAll(async () => {
  await harness?.admin.query(
    `delete from storage.objects where bucket_id = 'avatars' and name = $1`,
    [ownerAvatar],
  );
  await harness?.close();
});

describe('avatars bucket', () => {
  it('a user can upload an avatar into their own folder', async () => {
    const rows = await harness
      .asUser(owner.id)
      .query(insertObject, [`${owner.id}/new.webp`, owner.id]);
    expect(rows).toEqual([{ name: `${owner.id}/new.webp` }]);
  });

  it('a user cannot upload into another user’s folder or the bucket root', async () => {
    for (const name of [`${other.id}/avatar.png`, 'avatar.png']) {
      await expect(
        harness.asUser(owner.id).query(insertObject, [name, owner.id]),
      ).rejects.toMatchObject(RLS_VIOLATION);
    }
  });

  it('a user can list, replace and delete their own avatar', async () => {
    const session = harness.asUser(owner.id);
    expect(
      await session.query(`select name from storage.objects where bucket_id = 'avatars'`),
    ).toEqual([{ name: ownerAvatar }]);
    expect(
      await session.query(
        `update storage.objects set metadata = '{}' where name = $1 returning name`,
        [ownerAvatar],
      ),
    ).toEqual([{ name: ownerAvatar }]);
    expect(
      await session.query('delete from storage.objects where name = $1 returning name', [
        ownerAvatar,
      ]),
    ).toEqual([{ name: ownerAvatar }]);
  });

  it('a user cannot list, replace or delete another user’s avatar', async () => {
    const session = harness.asUser(other.id);
    expect(
      await session.query(`select name from storage.objects where bucket_id = 'avatars'`),
    ).toEqual([]);
    expect(
      await session.query(
        `update storage.objects set metadata = '{}' where name = $1 returning name`,
        [ownerAvatar],
      ),
    ).toEqual([]);
    expect(
      await session.query('delete from storage.objects where name = $1 returning name', [
        ownerAvatar,
      ]),
    ).toEqual([]);
  });

  it('a user cannot move their avatar into another user’s folder', async () => {
    await expect(
      harness
        .asUser(owner.id)
        .query('update storage.objects set name = $2 where name = $1', [
          ownerAvatar,
          `${other.id}/avatar.png`,
        ]),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('anon cannot upload, list or delete avatars', async () => {
    await expect(
      harness.asAnon().query(insertObject, [`${owner.id}/anon.png`, null]),
    ).rejects.toMatchObject(RLS_VIOLATION);
    expect(
      await harness.asAnon().query(`select name from storage.objects where bucket_id = 'avatars'`),
    ).toEqual([]);
    expect(
      await harness
        .asAnon()
        .query('delete from storage.objects where name = $1 returning name', [ownerAvatar]),
    ).toEqual([]);
  });
});
