// public.profiles under RLS: the owner, another user and anon each try every operation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness, TestUser } from './harness.ts';
import { connectHarness } from './stack.ts';

const PERMISSION_DENIED = { code: '42501' };
const CHECK_VIOLATION = { code: '23514' };

let harness: DbHarness;
let owner: TestUser;
let other: TestUser;

beforeAll(async () => {
  harness = connectHarness();
  owner = await harness.createUser({ displayName: 'Owner' });
  other = await harness.createUser({ displayName: 'Other' });
});

afterAll(async () => {
  await harness?.close();
});

describe('profiles: the owner', () => {
  it('a user can read their own profile', async () => {
    const rows = await harness
      .asUser(owner.id)
      .query('select id, display_name from public.profiles');
    expect(rows).toEqual([{ id: owner.id, display_name: 'Owner' }]);
  });

  it('a user can update their own display name, units and avatar path', async () => {
    const rows = await harness.asUser(owner.id).query(
      `update public.profiles set display_name = 'Renamed', preferred_units = 'lb', avatar_path = $2
          where id = $1 returning display_name, preferred_units, avatar_path`,
      [owner.id, `${owner.id}/avatar.png`],
    );
    expect(rows).toEqual([
      { display_name: 'Renamed', preferred_units: 'lb', avatar_path: `${owner.id}/avatar.png` },
    ]);
  });

  it('updating a profile stamps updated_at, whatever the client sends', async () => {
    const [row] = await harness.asUser(owner.id).run(async (client) => {
      await client.query(`update public.profiles set display_name = 'Stamped' where id = $1`, [
        owner.id,
      ]);
      return (
        await client.query<{ stamped: boolean }>(
          'select updated_at = now() and updated_at > created_at as stamped from public.profiles where id = $1',
          [owner.id],
        )
      ).rows;
    });
    expect(row).toEqual({ stamped: true });
  });

  it('a user cannot set updated_at, created_at or id themselves', async () => {
    for (const column of ['updated_at', 'created_at']) {
      await expect(
        harness
          .asUser(owner.id)
          .query(`update public.profiles set ${column} = now() - interval '1 day' where id = $1`, [
            owner.id,
          ]),
      ).rejects.toMatchObject(PERMISSION_DENIED);
    }
    await expect(
      harness
        .asUser(owner.id)
        .query('update public.profiles set id = $2 where id = $1', [owner.id, other.id]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('a user cannot insert a profile, not even their own', async () => {
    await expect(
      harness
        .asUser(owner.id)
        .query(`insert into public.profiles (id, display_name) values ($1, 'Twin')`, [owner.id]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('a user cannot delete their own profile', async () => {
    await expect(
      harness.asUser(owner.id).query('delete from public.profiles where id = $1', [owner.id]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('a display name must have 1 to 80 visible characters', async () => {
    for (const name of ['', '   ', 'x'.repeat(81)]) {
      await expect(
        harness
          .asUser(owner.id)
          .query('update public.profiles set display_name = $2 where id = $1', [owner.id, name]),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });

  it('an avatar path must point into the user’s own avatars folder', async () => {
    await expect(
      harness
        .asUser(owner.id)
        .query('update public.profiles set avatar_path = $2 where id = $1', [
          owner.id,
          `${other.id}/avatar.png`,
        ]),
    ).rejects.toMatchObject(CHECK_VIOLATION);
  });

  it('preferred units are kg or lb only', async () => {
    await expect(
      harness
        .asUser(owner.id)
        .query(`update public.profiles set preferred_units = 'stone' where id = $1`, [owner.id]),
    ).rejects.toMatchObject(CHECK_VIOLATION);
  });
});

describe('profiles: another user', () => {
  it('a user cannot read another user’s profile', async () => {
    const rows = await harness
      .asUser(other.id)
      .query('select id from public.profiles where id = $1', [owner.id]);
    expect(rows).toEqual([]);
  });

  it('a user sees exactly one profile: their own', async () => {
    const rows = await harness.asUser(other.id).query('select id from public.profiles');
    expect(rows).toEqual([{ id: other.id }]);
  });

  it('a user cannot update another user’s profile', async () => {
    const rows = await harness
      .asUser(other.id)
      .query(`update public.profiles set display_name = 'Hijacked' where id = $1 returning id`, [
        owner.id,
      ]);
    expect(rows).toEqual([]);
    const [stored] = await harness
      .asServiceRole()
      .query('select display_name from public.profiles where id = $1', [owner.id]);
    expect(stored).toEqual({ display_name: 'Owner' });
  });

  it('a user cannot insert a profile for another user', async () => {
    await expect(
      harness
        .asUser(other.id)
        .query(`insert into public.profiles (id, display_name) values ($1, 'Fake')`, [owner.id]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('a user cannot delete another user’s profile', async () => {
    await expect(
      harness.asUser(other.id).query('delete from public.profiles where id = $1', [owner.id]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('an admin role in user_metadata grants nothing', async () => {
    const rows = await harness
      .asUser(other.id, { user_metadata: { role: 'admin' } })
      .query('select id from public.profiles where id = $1', [owner.id]);
    expect(rows).toEqual([]);
  });
});

describe('profiles: anon', () => {
  it('anon cannot read profiles', async () => {
    await expect(harness.asAnon().query('select id from public.profiles')).rejects.toMatchObject(
      PERMISSION_DENIED,
    );
  });

  it('anon cannot insert, update or delete profiles', async () => {
    const attempts = [
      [`insert into public.profiles (id, display_name) values ($1, 'Anon')`, [owner.id]],
      [`update public.profiles set display_name = 'Anon' where id = $1`, [owner.id]],
      ['delete from public.profiles where id = $1', [owner.id]],
    ] as const;
    for (const [sql, params] of attempts) {
      await expect(harness.asAnon().query(sql, [...params])).rejects.toMatchObject(
        PERMISSION_DENIED,
      );
    }
  });
});

describe('profiles: the signup trigger', () => {
  it('a new user gets exactly one profile, named from sign-up metadata', async () => {
    const user = await harness.createUser({ displayName: '  Ada Lovelace  ' });
    const { rows } = await harness.admin.query(
      'select display_name, preferred_units from public.profiles where id = $1',
      [user.id],
    );
    expect(rows).toEqual([{ display_name: 'Ada Lovelace', preferred_units: 'kg' }]);
  });

  it('without a display name the profile is named after the e-mail’s local part', async () => {
    const user = await harness.createUser({ email: `grace.hopper.${Date.now()}@example.com` });
    const { rows } = await harness.admin.query(
      'select display_name from public.profiles where id = $1',
      [user.id],
    );
    expect(rows).toEqual([{ display_name: user.email.split('@')[0] }]);
  });

  it('a display name longer than the limit is cut to 80 characters, not rejected', async () => {
    const user = await harness.createUser({ displayName: 'y'.repeat(200) });
    const { rows } = await harness.admin.query(
      'select display_name from public.profiles where id = $1',
      [user.id],
    );
    expect(rows).toEqual([{ display_name: 'y'.repeat(80) }]);
  });

  it('deleting the user deletes their profile', async () => {
    const user = await harness.createUser();
    await harness.admin.query('delete from auth.users where id = $1', [user.id]);
    const { rows } = await harness.admin.query('select 1 from public.profiles where id = $1', [
      user.id,
    ]);
    expect(rows).toEqual([]);
  });
});

describe('is_admin()', () => {
  it('is true only when app_metadata.role is admin', async () => {
    const ask = (claims: Record<string, unknown>) =>
      harness
        .asUser(owner.id, claims)
        .query<{ is_admin: boolean }>('select public.is_admin() as is_admin');
    expect(await ask({ app_metadata: { provider: 'email', role: 'admin' } })).toEqual([
      { is_admin: true },
    ]);
    expect(await ask({})).toEqual([{ is_admin: false }]);
    expect(await ask({ app_metadata: { role: 'coach' } })).toEqual([{ is_admin: false }]);
  });

  it('a role of admin in user-editable user_metadata does not make a user an admin', async () => {
    const rows = await harness
      .asUser(owner.id, { user_metadata: { role: 'admin' } })
      .query<{ is_admin: boolean }>('select public.is_admin() as is_admin');
    expect(rows).toEqual([{ is_admin: false }]);
  });

  it('anon cannot call is_admin()', async () => {
    await expect(harness.asAnon().query('select public.is_admin()')).rejects.toMatchObject(
      PERMISSION_DENIED,
    );
  });
});
