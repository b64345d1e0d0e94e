// REPZ partner names: profiles stay owner-only (a shared table governed by no product table);
// public.repz_partner_names() gives coach and client each other's display name while their link
// is active, and nothing else of the profile. An ended link, a stranger and anon get nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness } from './harness.ts';
import {
  actAs,
  createRepzCast,
  PERMISSION_DENIED,
  removeRepzCast,
  type RepzCast,
} from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

let harness: DbHarness;
let cast: RepzCast;
const readProfile = 'select display_name from public.profiles where id = $1';
const partnerNames = 'select * from public.repz_partner_names()';

beforeAll(async () => {
  harness = connectHarness();
  cast = await createRepzCast(harness);
});

afterAll(async () => {
  await removeRepzCast(harness, cast);
  await harness?.close();
});

describe('repz_partner_names', () => {
  it('an active coach gets the client’s display name, and the client the coach’s only', async () => {
    expect(await harness.asUser(cast.activeCoach.id).query(partnerNames)).toEqual([
      { partner_id: cast.client.id, display_name: 'Client' },
    ]);
    // The client's ended coach is not among their partners.
    expect(await harness.asUser(cast.client.id).query(partnerNames)).toEqual([
      { partner_id: cast.activeCoach.id, display_name: 'Active coach' },
    ]);
  });

  it('a coach whose link has ended and a stranger get no names; anon cannot call it', async () => {
    for (const user of [cast.endedCoach, cast.stranger]) {
      expect(await harness.asUser(user.id).query(partnerNames)).toEqual([]);
    }
    await expect(harness.asAnon().query(partnerNames)).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('ending the link removes the name at once', async () => {
    const names = await harness.asUser(cast.client.id).run(async (db) => {
      await db.query(
        `update public.repz_coach_links set status = 'ended', ended_at = now() where id = $1`,
        [cast.activeLinkId],
      );
      await actAs(db, cast.activeCoach.id);
      return (await db.query<{ partner_id: string }>(partnerNames)).rows;
    });
    expect(names).toEqual([]);
  });
});

describe('profiles stay owner-only for coaching partners', () => {
  it('an active coach cannot read the client’s profile row, nor the client the coach’s', async () => {
    expect(await harness.asUser(cast.activeCoach.id).query(readProfile, [cast.client.id])).toEqual(
      [],
    );
    expect(await harness.asUser(cast.client.id).query(readProfile, [cast.activeCoach.id])).toEqual(
      [],
    );
    expect(await harness.asUser(cast.client.id).query(readProfile, [cast.client.id])).toEqual([
      { display_name: 'Client' },
    ]);
  });

  it('an active coach still cannot change the client’s profile', async () => {
    const rows = await harness
      .asUser(cast.activeCoach.id)
      .query(`update public.profiles set display_name = 'renamed' where id = $1 returning id`, [
        cast.client.id,
      ]);
    expect(rows).toEqual([]);
  });
});
