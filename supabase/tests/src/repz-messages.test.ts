// public.repz_messages under RLS: only the two sides of an active coaching link can send; both
// sides read their conversation (also after the link ends); only the recipient marks a message
// read, and only read_at; nobody deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness } from './harness.ts';
import {
  CHECK_VIOLATION,
  createRepzCast,
  PERMISSION_DENIED,
  removeRepzCast,
  type RepzCast,
  RLS_VIOLATION,
} from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

let harness: DbHarness;
let cast: RepzCast;

const send = `insert into public.repz_messages (recipient_id, body) values ($1, $2)
  returning sender_id, recipient_id, body, read_at`;
const markRead = 'update public.repz_messages set read_at = now() where id = $1 returning id';

beforeAll(async () => {
  harness = connectHarness();
  cast = await createRepzCast(harness);
});

afterAll(async () => {
  await removeRepzCast(harness, cast);
  await harness?.close();
});

async function messagesSeenBy(userId: string): Promise<string[]> {
  const rows = await harness
    .asUser(userId)
    .query<{ id: string }>('select id from public.repz_messages order by id');
  return rows.map((row) => row.id);
}

describe('repz_messages: reading', () => {
  it('a client reads every message they sent or received, also from a coach whose link has ended', async () => {
    expect(await messagesSeenBy(cast.client.id)).toEqual(
      [cast.coachMessageId, cast.clientMessageId, cast.endedCoachMessageId].sort(),
    );
  });

  it('an active coach reads their conversation with the client, not the client’s other ones', async () => {
    expect(await messagesSeenBy(cast.activeCoach.id)).toEqual(
      [cast.coachMessageId, cast.clientMessageId].sort(),
    );
  });

  it('a coach whose link has ended still reads what they sent', async () => {
    expect(await messagesSeenBy(cast.endedCoach.id)).toEqual([cast.endedCoachMessageId]);
  });

  it('a stranger reads no one’s messages', async () => {
    expect(await messagesSeenBy(cast.stranger.id)).toEqual([]);
  });
});

describe('repz_messages: sending', () => {
  it('an active coach can send a message to the client, from themselves by default', async () => {
    const rows = await harness
      .asUser(cast.activeCoach.id)
      .query(send, [cast.client.id, 'Squat day!']);
    expect(rows).toEqual([
      {
        sender_id: cast.activeCoach.id,
        recipient_id: cast.client.id,
        body: 'Squat day!',
        read_at: null,
      },
    ]);
  });

  it('a client can send a message to their active coach', async () => {
    const rows = await harness.asUser(cast.client.id).query(send, [cast.activeCoach.id, 'Done.']);
    expect(rows).toMatchObject([{ sender_id: cast.client.id, recipient_id: cast.activeCoach.id }]);
  });

  it('a coach whose link has ended cannot message the former client, nor the client them', async () => {
    await expect(
      harness.asUser(cast.endedCoach.id).query(send, [cast.client.id, 'Come back?']),
    ).rejects.toMatchObject(RLS_VIOLATION);
    await expect(
      harness.asUser(cast.client.id).query(send, [cast.endedCoach.id, 'No.']),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('a stranger cannot send a message to someone they are not paired with', async () => {
    for (const recipient of [cast.client, cast.activeCoach]) {
      await expect(
        harness.asUser(cast.stranger.id).query(send, [recipient.id, 'Hello']),
      ).rejects.toMatchObject(RLS_VIOLATION);
    }
  });

  it('nobody can send a message in someone else’s name', async () => {
    await expect(
      harness
        .asUser(cast.client.id)
        .query(
          `insert into public.repz_messages (sender_id, recipient_id, body) values ($1, $2, 'Forged')`,
          [cast.activeCoach.id, cast.client.id],
        ),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('nobody can send a message to themselves', async () => {
    await expect(
      harness.asUser(cast.client.id).query(send, [cast.client.id, 'Note to self']),
    ).rejects.toMatchObject(RLS_VIOLATION);
    // The table's own check holds even for the service role, which bypasses RLS.
    await expect(
      harness
        .asServiceRole()
        .query(
          `insert into public.repz_messages (sender_id, recipient_id, body) values ($1, $1, 'Self')`,
          [cast.client.id],
        ),
    ).rejects.toMatchObject(CHECK_VIOLATION);
  });

  it('a message has 1 to 4000 visible characters', async () => {
    for (const body of ['   ', 'x'.repeat(4001)]) {
      await expect(
        harness.asUser(cast.client.id).query(send, [cast.activeCoach.id, body]),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });

  it('anon cannot read, send, mark or delete messages', async () => {
    const attempts: [string, unknown[]][] = [
      ['select id from public.repz_messages', []],
      [send, [cast.client.id, 'Anon']],
      [markRead, [cast.coachMessageId]],
      ['delete from public.repz_messages where id = $1', [cast.coachMessageId]],
    ];
    for (const [sql, params] of attempts) {
      await expect(harness.asAnon().query(sql, params)).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});

describe('repz_messages: marking read, editing, deleting', () => {
  it('only the recipient can mark a message read', async () => {
    expect(await harness.asUser(cast.client.id).query(markRead, [cast.coachMessageId])).toEqual([
      { id: cast.coachMessageId },
    ]);
    for (const user of [cast.activeCoach, cast.endedCoach, cast.stranger]) {
      expect(await harness.asUser(user.id).query(markRead, [cast.coachMessageId])).toEqual([]);
    }
    // The sender of a message is not its recipient either.
    expect(await harness.asUser(cast.client.id).query(markRead, [cast.clientMessageId])).toEqual(
      [],
    );
  });

  it('the recipient changes only read_at: not the body, the sender or the time sent', async () => {
    for (const [column, value] of [
      ['body', 'Rewritten'],
      ['sender_id', cast.stranger.id],
      ['recipient_id', cast.stranger.id],
      ['sent_at', '2020-01-01T00:00:00Z'],
    ]) {
      await expect(
        harness
          .asUser(cast.client.id)
          .query(`update public.repz_messages set ${column} = $2 where id = $1`, [
            cast.coachMessageId,
            value,
          ]),
      ).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });

  it('nobody deletes messages, neither side of the conversation', async () => {
    for (const user of [cast.client, cast.activeCoach]) {
      await expect(
        harness
          .asUser(user.id)
          .query('delete from public.repz_messages where id = $1', [cast.coachMessageId]),
      ).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });

  it('messages are published to Realtime, so they arrive live', async () => {
    const { rows } = await harness.admin.query(
      `select 1 from pg_publication_tables
       where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'repz_messages'`,
    );
    expect(rows).toHaveLength(1);
  });
});
