// public.profiles for coaching partners: coach and client read each other's display name while
// their link is active; an ended link, a stranger and anon read nothing, and nobody writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness } from './harness.ts';
import { createRepzCast, removeRepzCast, type RepzCast } from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

let harness: DbHarness;
let cast: RepzCast;
const readProfile = 'select display_name from public.profiles where id = $1';

beforeAll(async () => {
  harness = connectHarness();
  cast = await createRepzCast(harness);
});

afterAll(async () => {
  await removeRepzCast(harness, cast);
  await harness?.close();
});

describe('profiles between coaching partners', () => {
  it('an active coach reads the client’s display name, and the client the coach’s', async () => {
    expect(
      await harness.asUser(cast.activeCoach.id).query(readProfile, [cast.client.id]),
    ).toHaveLength(1);
    expect(await harness.asUser(cast.client.id).query(readProfile, [cast.activeCoach.id])).toEqual([
      { display_name: 'Active coach' },
    ]);
  });

  it('a coach whose link has ended, a stranger and anon cannot read the client’s profile', async () => {
    for (const user of [cast.endedCoach, cast.stranger]) {
      expect(await harness.asUser(user.id).query(readProfile, [cast.client.id])).toEqual([]);
    }
    await expect(harness.asAnon().query(readProfile, [cast.client.id])).rejects.toMatchObject({
      code: '42501',
    });
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
