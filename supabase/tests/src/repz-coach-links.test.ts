// public.repz_coach_links and public.repz_accept_invite(): a coach creates a pending invite, a
// client accepts it through the function (they cannot see it before), either side ends the link,
// and access to the client's data follows the link's status at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness } from './harness.ts';
import {
  actAs,
  CHECK_VIOLATION,
  createRepzCast,
  insertInvite,
  inviteCode,
  PERMISSION_DENIED,
  removeRepzCast,
  type RepzCast,
  RLS_VIOLATION,
} from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

let harness: DbHarness;
let cast: RepzCast;
let invite: { id: string; code: string };

const createInvite = `insert into public.repz_coach_links (coach_id, invite_code, invite_expires_at)
  values ($1, $2, now() + interval '7 days') returning coach_id, client_id, status`;
const accept =
  'select id, coach_id, client_id, status, accepted_at is not null as accepted from public.repz_accept_invite($1)';
const endLink = `update public.repz_coach_links set status = 'ended', ended_at = now()
  where id = $1 returning status`;

beforeAll(async () => {
  harness = connectHarness();
  cast = await createRepzCast(harness);
  invite = await insertInvite(harness, cast.activeCoach.id);
});

afterAll(async () => {
  await removeRepzCast(harness, cast);
  await harness?.close();
});

async function linkIdsSeenBy(userId: string): Promise<string[]> {
  const rows = await harness
    .asUser(userId)
    .query<{ id: string }>('select id from public.repz_coach_links order by id');
  return rows.map((row) => row.id);
}

describe('repz_coach_links: reading', () => {
  it('a coach sees their links and pending invites', async () => {
    expect(await linkIdsSeenBy(cast.activeCoach.id)).toEqual([cast.activeLinkId, invite.id].sort());
  });

  it('a client sees their active and ended links, not a coach’s pending invites', async () => {
    expect(await linkIdsSeenBy(cast.client.id)).toEqual(
      [cast.activeLinkId, cast.endedLinkId].sort(),
    );
  });

  it('a coach whose link has ended still sees that link', async () => {
    expect(await linkIdsSeenBy(cast.endedCoach.id)).toEqual([cast.endedLinkId]);
  });

  it('a stranger sees no one’s links', async () => {
    expect(await linkIdsSeenBy(cast.stranger.id)).toEqual([]);
  });
});

describe('repz_coach_links: creating invites', () => {
  it('a user can create a pending invite, as coach by default, with no client', async () => {
    const rows = await harness.asUser(cast.stranger.id).query(
      `insert into public.repz_coach_links (invite_code, invite_expires_at)
         values ($1, now() + interval '7 days') returning coach_id, client_id, status`,
      [inviteCode()],
    );
    expect(rows).toEqual([{ coach_id: cast.stranger.id, client_id: null, status: 'pending' }]);
  });

  it('a user cannot create an invite in another coach’s name', async () => {
    await expect(
      harness.asUser(cast.stranger.id).query(createInvite, [cast.activeCoach.id, inviteCode()]),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('a coach cannot create a link that is already active or names its client', async () => {
    await expect(
      harness.asUser(cast.stranger.id).query(
        `insert into public.repz_coach_links (coach_id, client_id, status, invite_code, invite_expires_at)
           values ($1, $2, 'active', $3, now() + interval '7 days')`,
        [cast.stranger.id, cast.client.id, inviteCode()],
      ),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('an invite code is 8 characters of the unambiguous alphabet and expires after it is created', async () => {
    for (const [code, expires] of [
      ['ABCD1234', '7 days'], // 1 is ambiguous
      ['abcdefgh', '7 days'],
      ['ABCDEFG', '7 days'],
      [inviteCode(), '-1 minute'],
    ]) {
      await expect(
        harness
          .asUser(cast.stranger.id)
          .query(
            `insert into public.repz_coach_links (invite_code, invite_expires_at) values ($1, now() + $2::interval)`,
            [code, expires],
          ),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });

  it('anon cannot read, create, change or delete links', async () => {
    const attempts: [string, unknown[]][] = [
      ['select id from public.repz_coach_links', []],
      [createInvite, [cast.activeCoach.id, inviteCode()]],
      [endLink, [cast.activeLinkId]],
      ['delete from public.repz_coach_links where id = $1', [cast.activeLinkId]],
    ];
    for (const [sql, params] of attempts) {
      await expect(harness.asAnon().query(sql, params)).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});

describe('repz_accept_invite', () => {
  it('a user accepts a valid invite: the link becomes active with them as client', async () => {
    const rows = await harness.asUser(cast.stranger.id).query(accept, [invite.code]);
    expect(rows).toEqual([
      {
        id: invite.id,
        coach_id: cast.activeCoach.id,
        client_id: cast.stranger.id,
        status: 'active',
        accepted: true,
      },
    ]);
  });

  it('the code is accepted in lower case and with surrounding spaces', async () => {
    const rows = await harness
      .asUser(cast.stranger.id)
      .query(accept, [`  ${invite.code.toLowerCase()} `]);
    expect(rows).toMatchObject([{ id: invite.id, status: 'active' }]);
  });

  it('once accepted, the coach reads the new client’s data in the very next request', async () => {
    const strangerWorkouts = await harness.asUser(cast.stranger.id).run(async (db) => {
      await db.query(accept, [invite.code]);
      await actAs(db, cast.activeCoach.id);
      return (
        await db.query<{ id: string }>('select id from public.repz_workouts where owner_id = $1', [
          cast.stranger.id,
        ])
      ).rows;
    });
    expect(strangerWorkouts).toEqual([{ id: cast.strangerWorkoutId }]);
  });

  it('a client cannot see a pending invite before accepting it', async () => {
    expect(
      await harness
        .asUser(cast.stranger.id)
        .query('select id from public.repz_coach_links where invite_code = $1', [invite.code]),
    ).toEqual([]);
  });

  it('an unknown code is refused as not found (P0002)', async () => {
    await expect(
      harness.asUser(cast.stranger.id).query(accept, [inviteCode()]),
    ).rejects.toMatchObject({
      code: 'P0002',
      message: 'invite code not found',
      hint: 'code',
    });
  });

  it('an expired invite is refused', async () => {
    const expired = await insertInvite(harness, cast.activeCoach.id, '-1 hour');
    await expect(
      harness.asUser(cast.stranger.id).query(accept, [expired.code]),
    ).rejects.toMatchObject({
      code: '22023',
      message: 'invite code has expired',
    });
  });

  it('a used invite is refused, whether its link is active or ended', async () => {
    for (const linkId of [cast.activeLinkId, cast.endedLinkId]) {
      const { rows } = await harness.admin.query<{ invite_code: string }>(
        'select invite_code from public.repz_coach_links where id = $1',
        [linkId],
      );
      await expect(
        harness.asUser(cast.stranger.id).query(accept, [rows[0]!.invite_code]),
      ).rejects.toMatchObject({ code: '22023', message: 'invite code has already been used' });
    }
  });

  it('a coach cannot accept their own invite', async () => {
    await expect(
      harness.asUser(cast.activeCoach.id).query(accept, [invite.code]),
    ).rejects.toMatchObject({
      code: '22023',
      message: 'you cannot accept your own invite',
    });
  });

  it('a client already linked to the coach is refused (23505)', async () => {
    await expect(harness.asUser(cast.client.id).query(accept, [invite.code])).rejects.toMatchObject(
      {
        code: '23505',
        message: 'you are already coached by this coach',
      },
    );
  });

  it('after a link has ended, the same pair can link again with a new invite', async () => {
    const again = await insertInvite(harness, cast.endedCoach.id);
    const rows = await harness.asUser(cast.client.id).query(accept, [again.code]);
    expect(rows).toMatchObject([
      { coach_id: cast.endedCoach.id, client_id: cast.client.id, status: 'active' },
    ]);
  });

  it('anon cannot accept an invite', async () => {
    await expect(harness.asAnon().query(accept, [invite.code])).rejects.toMatchObject(
      PERMISSION_DENIED,
    );
  });
});

describe('repz_coach_links: ending a link', () => {
  it('the coach can end an active link, and loses access to the client’s data at once', async () => {
    const seen = await harness.asUser(cast.activeCoach.id).run(async (db) => {
      expect((await db.query(endLink, [cast.activeLinkId])).rows).toEqual([{ status: 'ended' }]);
      return (
        await db.query<{ id: string }>('select id from public.repz_workouts where owner_id = $1', [
          cast.client.id,
        ])
      ).rows;
    });
    expect(seen).toEqual([]);
  });

  it('the client can end an active link, and the coach loses access at once', async () => {
    const seen = await harness.asUser(cast.client.id).run(async (db) => {
      expect((await db.query(endLink, [cast.activeLinkId])).rows).toEqual([{ status: 'ended' }]);
      await actAs(db, cast.activeCoach.id);
      return (
        await db.query<{ id: string }>('select id from public.repz_workouts where owner_id = $1', [
          cast.client.id,
        ])
      ).rows;
    });
    expect(seen).toEqual([]);
  });

  it('a link is ended with its end time; neither side can end it without one', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query(`update public.repz_coach_links set status = 'ended' where id = $1`, [
          cast.activeLinkId,
        ]),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('an active link can only be ended, not sent back to pending', async () => {
    for (const user of [cast.client, cast.activeCoach]) {
      await expect(
        harness
          .asUser(user.id)
          .query(`update public.repz_coach_links set status = 'pending' where id = $1`, [
            cast.activeLinkId,
          ]),
      ).rejects.toMatchObject(RLS_VIOLATION);
    }
  });

  it('an ended link stays as it ended: neither side can reactivate it or rewrite its end time', async () => {
    for (const user of [cast.client, cast.endedCoach]) {
      for (const sql of [
        `update public.repz_coach_links set status = 'active', ended_at = null where id = $1 returning id`,
        `update public.repz_coach_links set status = 'ended', ended_at = now() - interval '1 year'
         where id = $1 returning id`,
      ]) {
        expect(await harness.asUser(user.id).query(sql, [cast.endedLinkId])).toEqual([]);
      }
    }
  });

  it('a stranger cannot end someone else’s link', async () => {
    expect(await harness.asUser(cast.stranger.id).query(endLink, [cast.activeLinkId])).toEqual([]);
  });

  it('neither side can re-point a link at other people or change its code', async () => {
    for (const [column, value] of [
      ['client_id', cast.stranger.id],
      ['coach_id', cast.stranger.id],
      ['invite_code', inviteCode()],
    ]) {
      await expect(
        harness
          .asUser(cast.activeCoach.id)
          .query(`update public.repz_coach_links set ${column} = $2 where id = $1`, [
            cast.activeLinkId,
            value,
          ]),
      ).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });

  it('nobody deletes links, not even their coach or client: they end', async () => {
    for (const user of [cast.activeCoach, cast.client, cast.stranger]) {
      await expect(
        harness
          .asUser(user.id)
          .query('delete from public.repz_coach_links where id = $1', [cast.activeLinkId]),
      ).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});
