// public.projects under RLS: owner-only access, tried by the owner, another user and anon.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness, TestUser } from './harness.ts';
import { connectHarness } from './stack.ts';

const PERMISSION_DENIED = { code: '42501' };
const CHECK_VIOLATION = { code: '23514' };
const RLS_VIOLATION = {
  code: '42501',
  message: expect.stringContaining('row-level security') as unknown,
};

let harness: DbHarness;
let owner: TestUser;
let other: TestUser;
let projectId: string;

beforeAll(async () => {
  harness = connectHarness();
  owner = await harness.createUser();
  other = await harness.createUser();
  const { rows } = await harness.admin.query<{ id: string }>(
    `insert into public.projects (owner_id, app, name) values ($1, 'qmlab', 'Bell states') returning id`,
    [owner.id],
  );
  projectId = rows[0]!.id;
});

afterAll(async () => {
  await harness?.close();
});

describe('projects: the owner', () => {
  it('an owner can read their projects', async () => {
    const rows = await harness.asUser(owner.id).query('select id, name from public.projects');
    expect(rows).toEqual([{ id: projectId, name: 'Bell states' }]);
  });

  it('an owner can create a project, owned by them by default', async () => {
    const rows = await harness
      .asUser(owner.id)
      .query(
        `insert into public.projects (app, name) values ('simcore', 'Ising sweep') returning owner_id, app`,
      );
    expect(rows).toEqual([{ owner_id: owner.id, app: 'simcore' }]);
  });

  it('an owner can rename their project and edit its description', async () => {
    const rows = await harness
      .asUser(owner.id)
      .query(
        `update public.projects set name = 'GHZ', description = 'Three qubits' where id = $1 returning name`,
        [projectId],
      );
    expect(rows).toEqual([{ name: 'GHZ' }]);
  });

  it('an owner cannot hand a project to another user or move it to another app', async () => {
    await expect(
      harness
        .asUser(owner.id)
        .query('update public.projects set owner_id = $2 where id = $1', [projectId, other.id]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(
      harness
        .asUser(owner.id)
        .query(`update public.projects set app = 'repz' where id = $1`, [projectId]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('an owner can delete their project', async () => {
    const rows = await harness
      .asUser(owner.id)
      .query('delete from public.projects where id = $1 returning id', [projectId]);
    expect(rows).toEqual([{ id: projectId }]);
  });

  it('a project belongs to one of the four apps', async () => {
    await expect(
      harness
        .asUser(owner.id)
        .query(`insert into public.projects (app, name) values ('chess', 'Openings')`),
    ).rejects.toMatchObject(CHECK_VIOLATION);
  });

  it('a project name has 1 to 120 visible characters and a description at most 2000', async () => {
    for (const [name, description] of [
      ['  ', null],
      ['x'.repeat(121), null],
      ['ok', 'd'.repeat(2001)],
    ]) {
      await expect(
        harness
          .asUser(owner.id)
          .query(`insert into public.projects (app, name, description) values ('repz', $1, $2)`, [
            name,
            description,
          ]),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });
});

describe('the harness', () => {
  it('every session is rolled back: what a test writes is gone afterwards', async () => {
    const [created] = await harness
      .asUser(owner.id)
      .query<{ id: string }>(
        `insert into public.projects (app, name) values ('repz', 'Ephemeral') returning id`,
      );
    expect(created?.id).toBeDefined();
    const { rows } = await harness.admin.query('select 1 from public.projects where id = $1', [
      created?.id,
    ]);
    expect(rows).toEqual([]);
  });

  it('a session runs as the request role with the user’s claims, like PostgREST', async () => {
    const [who] = await harness
      .asUser(owner.id)
      .query(`select current_user, session_user, auth.uid() as uid, auth.role() as role`);
    expect(who).toEqual({
      current_user: 'authenticated',
      session_user: 'authenticator',
      uid: owner.id,
      role: 'authenticated',
    });
  });
});

describe('projects: another user', () => {
  it('a user cannot read another user’s projects', async () => {
    expect(await harness.asUser(other.id).query('select id from public.projects')).toEqual([]);
    expect(
      await harness
        .asUser(other.id)
        .query('select id from public.projects where id = $1', [projectId]),
    ).toEqual([]);
  });

  it('a user cannot create a project owned by another user', async () => {
    await expect(
      harness
        .asUser(other.id)
        .query(`insert into public.projects (owner_id, app, name) values ($1, 'repz', 'Planted')`, [
          owner.id,
        ]),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('a user cannot update another user’s project', async () => {
    const rows = await harness
      .asUser(other.id)
      .query(`update public.projects set name = 'Hijacked' where id = $1 returning id`, [
        projectId,
      ]);
    expect(rows).toEqual([]);
  });

  it('a user cannot delete another user’s project', async () => {
    const rows = await harness
      .asUser(other.id)
      .query('delete from public.projects where id = $1 returning id', [projectId]);
    expect(rows).toEqual([]);
    const stored = await harness
      .asServiceRole()
      .query('select id from public.projects where id = $1', [projectId]);
    expect(stored).toEqual([{ id: projectId }]);
  });
});

describe('projects: anon', () => {
  it('anon cannot read, create, update or delete projects', async () => {
    const attempts: [string, unknown[]][] = [
      ['select id from public.projects', []],
      [`insert into public.projects (owner_id, app, name) values ($1, 'repz', 'Anon')`, [owner.id]],
      [`update public.projects set name = 'Anon' where id = $1`, [projectId]],
      ['delete from public.projects where id = $1', [projectId]],
    ];
    for (const [sql, params] of attempts) {
      await expect(harness.asAnon().query(sql, params)).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});

describe('projects: the service role', () => {
  it('the service role sees every user’s projects (it bypasses RLS)', async () => {
    const rows = await harness
      .asServiceRole()
      .query('select owner_id from public.projects where id = $1', [projectId]);
    expect(rows).toEqual([{ owner_id: owner.id }]);
  });
});

describe('projects: deleting the owner', () => {
  it('deleting a user deletes their projects', async () => {
    const leaving = await harness.createUser();
    await harness.admin.query(
      `insert into public.projects (owner_id, app, name) values ($1, 'liveit', 'Wishlist')`,
      [leaving.id],
    );
    await harness.admin.query('delete from auth.users where id = $1', [leaving.id]);
    const { rows } = await harness.admin.query(
      'select 1 from public.projects where owner_id = $1',
      [leaving.id],
    );
    expect(rows).toEqual([]);
  });
});
