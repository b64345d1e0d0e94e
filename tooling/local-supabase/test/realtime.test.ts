// Realtime contract tests with the real supabase-js (realtime-js 2.x) against the local stack:
// postgres_changes under each subscriber's RLS, event and column filters, broadcast, presence,
// token refresh, and the Phoenix frames themselves (join reply, system message, heartbeat, errors).
import {
  REALTIME_SUBSCRIBE_STATES,
  type RealtimePostgresChangesPayload,
  type SupabaseClient,
} from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../src/auth/jwt.ts';
import { DEMO_JWT_SECRET } from '../src/config.ts';
import { startTestStack } from '../src/testing.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';
import {
  Inbox,
  realtimeClient,
  signedUpUser,
  sleep,
  subscribed,
  type SignedUpUser,
} from './realtime-support.ts';

type Item = {
  id: number;
  owner_id: string;
  label: string;
  qty: number;
  status: string;
  payload: string | null;
};
type Change = RealtimePostgresChangesPayload<Item>;

let stack: Awaited<ReturnType<typeof startTestStack>>;
let db: pg.Pool;
let alice: SignedUpUser;
let bob: SignedUpUser;
const clients: SupabaseClient[] = [];

beforeAll(async () => {
  stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
  db = new pg.Pool({ connectionString: stack.dbUrl, max: 3 });
  db.on('error', () => undefined);
  alice = await signedUpUser(stack, 'alice');
  bob = await signedUpUser(stack, 'bob');
  clients.push(alice.client, bob.client);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.removeAllChannels()));
  await db?.end();
  await stack?.stop();
});

async function insertItem(owner: string, label: string, extra: Partial<Item> = {}): Promise<Item> {
  const { rows } = await db.query<Item>(
    `insert into public.rt_items (owner_id, label, qty, status, payload) values ($1, $2, $3, $4, $5) returning *`,
    [owner, label, extra.qty ?? 0, extra.status ?? 'open', extra.payload ?? null],
  );
  // pg reads bigint as a string; realtime-js hands ids over as numbers.
  return { ...rows[0]!, id: Number(rows[0]!.id) };
}

function labelOf(change: Change): string | undefined {
  return (change.new as Partial<Item>).label ?? undefined;
}

describe('postgres_changes under RLS', () => {
  it('delivers INSERT, UPDATE and DELETE of a user’s own rows and never another user’s', async () => {
    const aliceInbox = new Inbox<Change>();
    const bobInbox = new Inbox<Change>();
    const anonInbox = new Inbox<Change>();
    const anon = realtimeClient(stack);
    clients.push(anon);
    const watch = (client: SupabaseClient, inbox: Inbox<Change>, name: string) =>
      subscribed(
        client
          .channel(name)
          .on('postgres_changes', { event: '*', schema: 'public', table: 'rt_items' }, inbox.push),
      );
    await Promise.all([
      watch(alice.client, aliceInbox, 'rls-alice'),
      watch(bob.client, bobInbox, 'rls-bob'),
      watch(anon, anonInbox, 'rls-anon'),
    ]);

    const bobsRow = await insertItem(bob.userId, 'bob-secret');
    const alicesRow = await insertItem(alice.userId, 'alice-1');
    const inserted = await aliceInbox.waitFor(
      (c) => c.eventType === 'INSERT' && labelOf(c) === 'alice-1',
    );
    expect(inserted).toMatchObject({
      schema: 'public',
      table: 'rt_items',
      eventType: 'INSERT',
      errors: null,
      new: { id: alicesRow.id, owner_id: alice.userId, label: 'alice-1', qty: 0, status: 'open' },
      old: {},
    });
    expect(new Date(inserted.commit_timestamp).getTime()).toBeGreaterThan(Date.now() - 60_000);
    await bobInbox.waitFor((c) => labelOf(c) === 'bob-secret');

    await db.query(`update public.rt_items set qty = 7 where id = any($1)`, [
      [bobsRow.id, alicesRow.id],
    ]);
    const updated = await aliceInbox.waitFor((c) => c.eventType === 'UPDATE');
    expect(updated.new).toMatchObject({ id: alicesRow.id, qty: 7 });
    expect(updated.old).toEqual({ id: alicesRow.id });
    await bobInbox.waitFor((c) => c.eventType === 'UPDATE');

    // A marker of Alice's own, committed last: changes arrive in commit order, so anything of
    // Bob's that leaked to Alice would be in her inbox by the time the marker is.
    await insertItem(alice.userId, 'alice-marker');
    await aliceInbox.waitFor((c) => labelOf(c) === 'alice-marker');
    const aliceSaw = aliceInbox.items.map((c) => (c.new as Partial<Item>).owner_id).filter(Boolean);
    expect(new Set(aliceSaw)).toEqual(new Set([alice.userId]));
    expect(bobInbox.items.every((c) => (c.new as Partial<Item>).owner_id === bob.userId)).toBe(
      true,
    );
    expect(bobInbox.items.some((c) => (c.new as Partial<Item>).label?.startsWith('alice'))).toBe(
      false,
    );

    // DELETE cannot be checked against RLS (the row is gone): as in Supabase every subscriber with
    // SELECT privilege hears it, with the primary key only.
    await db.query(`delete from public.rt_items where id = $1`, [bobsRow.id]);
    const deleted = await aliceInbox.waitFor((c) => c.eventType === 'DELETE');
    expect(deleted.old).toEqual({ id: bobsRow.id });
    expect(deleted.new).toEqual({});

    // anon has no SELECT policy on rt_items: it hears nothing at all.
    await sleep(200);
    expect(anonInbox.items.filter((c) => c.eventType !== 'DELETE')).toEqual([]);
  });

  it('honours the event filter of each binding', async () => {
    const inserts = new Inbox<Change>();
    const updates = new Inbox<Change>();
    const deletes = new Inbox<Change>();
    await subscribed(
      alice.client
        .channel('events-only')
        .on(
          'postgres_changes',
          { event: 'INSERT', schema: 'public', table: 'rt_items' },
          inserts.push,
        )
        .on(
          'postgres_changes',
          { event: 'UPDATE', schema: 'public', table: 'rt_items' },
          updates.push,
        )
        .on(
          'postgres_changes',
          { event: 'DELETE', schema: 'public', table: 'rt_items' },
          deletes.push,
        ),
    );
    const row = await insertItem(alice.userId, 'event-filter');
    await inserts.waitFor((c) => labelOf(c) === 'event-filter');
    await db.query(`update public.rt_items set status = 'done' where id = $1`, [row.id]);
    await updates.waitFor((c) => (c.new as Partial<Item>).id === row.id);
    await db.query(`delete from public.rt_items where id = $1`, [row.id]);
    await deletes.waitFor((c) => (c.old as Partial<Item>).id === row.id);
    expect(inserts.items.every((c) => c.eventType === 'INSERT')).toBe(true);
    expect(updates.items.every((c) => c.eventType === 'UPDATE')).toBe(true);
    expect(deletes.items.every((c) => c.eventType === 'DELETE')).toBe(true);
  });

  it('applies eq, neq, lt, lte, gt, gte and in filters with the column’s type', async () => {
    const filters = {
      eq: 'qty=eq.3',
      neq: 'qty=neq.3',
      lt: 'qty=lt.3',
      lte: 'qty=lte.3',
      gt: 'qty=gt.3',
      gte: 'qty=gte.3',
      in: 'status=in.(red,"blue, dark")',
      // 10 > 9 as integers, though "10" < "9" as text.
      typed: 'qty=gt.9',
    };
    const inboxes = Object.fromEntries(
      Object.keys(filters).map((name) => [name, new Inbox<Change>()]),
    );
    let channel = alice.client.channel('filters');
    for (const [name, filter] of Object.entries(filters)) {
      channel = channel.on(
        'postgres_changes',
        { event: 'INSERT', schema: 'public', table: 'rt_items', filter },
        inboxes[name]!.push,
      );
    }
    await subscribed(channel);

    const rows = [
      { qty: 1, status: 'red' },
      { qty: 3, status: 'green' },
      { qty: 5, status: 'blue, dark' },
      { qty: 10, status: 'blue' },
    ];
    for (const [index, row] of rows.entries())
      await insertItem(alice.userId, `filter-${index}`, row);
    const marker = new Inbox<Change>();
    await subscribed(
      alice.client
        .channel('filters-marker')
        .on(
          'postgres_changes',
          { event: 'INSERT', schema: 'public', table: 'rt_items', filter: 'label=eq.filter-done' },
          marker.push,
        ),
    );
    await insertItem(alice.userId, 'filter-done', { qty: -1 });
    await marker.waitFor(() => true);
    await sleep(100);

    const quantities = (name: string) =>
      inboxes[name]!.items.map((c) => (c.new as Item).qty)
        .filter((qty) => qty !== -1)
        .sort((x, y) => x - y);
    expect(quantities('eq')).toEqual([3]);
    expect(quantities('neq')).toEqual([1, 5, 10]);
    expect(quantities('lt')).toEqual([1]);
    expect(quantities('lte')).toEqual([1, 3]);
    expect(quantities('gt')).toEqual([5, 10]);
    expect(quantities('gte')).toEqual([3, 5, 10]);
    expect(quantities('in')).toEqual([1, 5]);
    expect(quantities('typed')).toEqual([10]);
    expect(marker.items).toHaveLength(1);
  });

  it('rejects a filter whose value does not fit the column, naming the reason', async () => {
    const channel = alice.client
      .channel('bad-filter')
      .on(
        'postgres_changes',
        { event: '*', schema: 'public', table: 'rt_items', filter: 'qty=eq.not-a-number' },
        () => undefined,
      );
    await expect(subscribed(channel)).rejects.toThrow(/invalid filter.*integer/);
    await alice.client.removeChannel(channel);
  });

  it('sends the whole old row for a REPLICA IDENTITY FULL table without RLS', async () => {
    const inbox = new Inbox<
      RealtimePostgresChangesPayload<{ id: string; title: string; votes: number }>
    >();
    await subscribed(
      bob.client
        .channel('board')
        .on('postgres_changes', { event: '*', schema: 'public', table: 'rt_board' }, inbox.push),
    );
    const { rows } = await db.query<{ id: string }>(
      `insert into public.rt_board (title) values ('idea') returning id`,
    );
    const id = rows[0]!.id;
    await db.query(`update public.rt_board set votes = 2 where id = $1`, [id]);
    const update = await inbox.waitFor((c) => c.eventType === 'UPDATE');
    expect(update.old).toEqual({ id, title: 'idea', votes: 0 });
    expect(update.new).toEqual({ id, title: 'idea', votes: 2 });
    await db.query(`delete from public.rt_board where id = $1`, [id]);
    const deletion = await inbox.waitFor((c) => c.eventType === 'DELETE');
    expect(deletion.old).toEqual({ id, title: 'idea', votes: 2 });
  });

  it('delivers rows larger than the 8000-byte NOTIFY limit', async () => {
    const inbox = new Inbox<Change>();
    await subscribed(
      alice.client
        .channel('big')
        .on(
          'postgres_changes',
          { event: 'INSERT', schema: 'public', table: 'rt_items', filter: 'label=eq.big-row' },
          inbox.push,
        ),
    );
    const payload = 'x'.repeat(50_000);
    await insertItem(alice.userId, 'big-row', { payload });
    const change = await inbox.waitFor(() => true);
    expect((change.new as Item).payload).toBe(payload);
  });

  it('captures a table added to the publication after the stack started', async () => {
    // A unique name: the stack is shared by the whole run (or is a remote SUPABASE_TEST_URL target).
    const table = `rt_late_${Date.now().toString(36)}`;
    await db.query(
      `create table public.${table} (id int primary key, owner_id uuid not null, note text)`,
    );
    try {
      await db.query(`alter table public.${table} enable row level security`);
      await db.query(
        `create policy "own rows" on public.${table} for select to authenticated using ((select auth.uid()) = owner_id)`,
      );
      await db.query(`revoke all on public.${table} from anon`);
      await db.query(`grant select on public.${table} to authenticated`);
      await db.query(`alter publication supabase_realtime add table public.${table}`);
      const inbox = new Inbox<RealtimePostgresChangesPayload<{ id: number; note: string }>>();
      const anonInbox = new Inbox<unknown>();
      const anon = realtimeClient(stack);
      clients.push(anon);
      await subscribed(
        alice.client
          .channel('late')
          .on('postgres_changes', { event: '*', schema: 'public', table }, inbox.push),
      );
      await subscribed(
        anon
          .channel('late-anon')
          .on('postgres_changes', { event: '*', schema: 'public', table }, anonInbox.push),
      );
      await db.query(`insert into public.${table} values (1, $1, 'not yours'), (2, $2, 'hello')`, [
        bob.userId,
        alice.userId,
      ]);
      const change = await inbox.waitFor(() => true);
      expect(change.new).toEqual({ id: 2, owner_id: alice.userId, note: 'hello' });

      // Without SELECT privilege a subscriber hears nothing, not even a DELETE's key.
      await db.query(`delete from public.${table} where id = 1`);
      expect((await inbox.waitFor((c) => c.eventType === 'DELETE')).old).toEqual({ id: 1 });
      await sleep(100);
      expect(anonInbox.items).toEqual([]);
    } finally {
      await db.query(`drop table public.${table}`);
    }
  });
});

describe('broadcast and presence', () => {
  it('relays to the other members, and to the sender only with self', async () => {
    const aliceInbox = new Inbox<{ event: string; payload: unknown }>();
    const bobInbox = new Inbox<{ event: string; payload: unknown }>();
    const a = await subscribed(
      alice.client.channel('room-1').on('broadcast', { event: 'cursor' }, aliceInbox.push),
    );
    const b = await subscribed(
      bob.client.channel('room-1').on('broadcast', { event: 'cursor' }, bobInbox.push),
    );
    expect(
      await a.send({ type: 'broadcast', event: 'cursor', payload: { x: 1, who: 'alice' } }),
    ).toBe('ok');
    expect(
      await b.send({ type: 'broadcast', event: 'cursor', payload: { x: 2, who: 'bob' } }),
    ).toBe('ok');
    expect((await bobInbox.waitFor(() => true)).payload).toEqual({ x: 1, who: 'alice' });
    expect((await aliceInbox.waitFor(() => true)).payload).toEqual({ x: 2, who: 'bob' });
    await sleep(100);
    expect(aliceInbox.items).toHaveLength(1);
    expect(bobInbox.items).toHaveLength(1);

    const selfInbox = new Inbox<{ event: string; payload: unknown }>();
    const self = await subscribed(
      alice.client
        .channel('room-2', { config: { broadcast: { self: true, ack: true } } })
        .on('broadcast', { event: 'ping' }, selfInbox.push),
    );
    // With ack the server confirms the broadcast before send() resolves.
    expect(await self.send({ type: 'broadcast', event: 'ping', payload: { n: 1 } })).toBe('ok');
    expect((await selfInbox.waitFor(() => true)).payload).toEqual({ n: 1 });

    // Binary payloads travel as bytes in realtime-js's binary frames, both ways.
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    expect(await self.send({ type: 'broadcast', event: 'ping', payload: bytes.buffer })).toBe('ok');
    const binary = await selfInbox.waitFor((message) => message.payload instanceof ArrayBuffer);
    expect([...new Uint8Array(binary.payload as ArrayBuffer)]).toEqual([...bytes]);
  });

  it('relays broadcasts posted over REST (httpSend) and rejects malformed ones', async () => {
    const inbox = new Inbox<{ event: string; payload: unknown }>();
    await subscribed(
      bob.client.channel('rest-room').on('broadcast', { event: 'note' }, inbox.push),
    );
    const sender = alice.client.channel('rest-room');
    await expect(sender.httpSend('note', { text: 'over http' })).resolves.toEqual({
      success: true,
    });
    expect((await inbox.waitFor(() => true)).payload).toEqual({ text: 'over http' });

    const response = await fetch(`${stack.url}/realtime/v1/api/broadcast`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ topic: 'rest-room', payload: {} }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'messages.0.event: Invalid input: expected string, received undefined',
    });
    await alice.client.removeChannel(sender);
  });

  it('shares presence state and diffs between members', async () => {
    const a = await subscribed(
      alice.client.channel('lobby', { config: { presence: { key: 'alice' } } }),
    );
    const b = bob.client.channel('lobby', { config: { presence: { key: 'bob' } } });
    const joins = new Inbox<{ key: string }>();
    const leaves = new Inbox<{ key: string }>();
    b.on('presence', { event: 'join' }, joins.push).on('presence', { event: 'leave' }, leaves.push);
    await subscribed(b);
    expect(await a.track({ status: 'online' })).toBe('ok');
    await joins.waitFor((join) => join.key === 'alice');
    expect(b.presenceState()).toMatchObject({ alice: [{ status: 'online' }] });
    expect(await a.untrack()).toBe('ok');
    await leaves.waitFor((leave) => leave.key === 'alice');
    expect(b.presenceState()).toEqual({});
  });
});

describe('access tokens', () => {
  it('keeps a channel working after a token refresh and closes it on an invalid token', async () => {
    const user = await signedUpUser(stack, 'refresh');
    clients.push(user.client);
    const inbox = new Inbox<Change>();
    const system = new Inbox<{ extension: string; status: string; message: string }>();
    const statuses: string[] = [];
    const channel = user.client
      .channel('refresh')
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'rt_items' }, inbox.push)
      .on('system', {}, system.push);
    await new Promise<void>((resolve) =>
      channel.subscribe((status) => {
        statuses.push(status);
        if (status === REALTIME_SUBSCRIBE_STATES.SUBSCRIBED) resolve();
      }),
    );

    const { data } = await user.client.auth.refreshSession();
    expect(data.session?.access_token).toBeTruthy();
    await user.client.realtime.setAuth(data.session!.access_token);
    await insertItem(user.userId, 'after-refresh');
    await inbox.waitFor((c) => labelOf(c) === 'after-refresh');

    await user.client.realtime.setAuth('not-a-jwt');
    const error = await system.waitFor((message) => message.status === 'error');
    expect(error.extension).toBe('system');
    expect(error.message).toMatch(/invalid access token/i);
    await expect.poll(() => statuses).toContain('CLOSED');
  });

  it('closes a channel when its token expires, as Supabase does', async () => {
    const client = realtimeClient(stack);
    clients.push(client);
    const shortLived = await signJwt(
      {
        sub: alice.userId,
        role: 'authenticated',
        aud: 'authenticated',
        exp: Math.floor(Date.now() / 1000) + 2,
      },
      DEMO_JWT_SECRET,
    );
    await client.realtime.setAuth(shortLived);
    const system = new Inbox<{ status: string; message: string }>();
    const statuses = new Inbox<string>();
    client.channel('short-lived').on('system', {}, system.push).subscribe(statuses.push);
    await statuses.waitFor((status) => status === 'SUBSCRIBED');
    expect((await system.waitFor((message) => message.status === 'error', 5000)).message).toBe(
      'Token has expired',
    );
    await statuses.waitFor((status) => status === 'CLOSED');
  });

  it('refuses to join with an expired token', async () => {
    const client = realtimeClient(stack);
    clients.push(client);
    const expired = await signJwt(
      {
        sub: alice.userId,
        role: 'authenticated',
        aud: 'authenticated',
        exp: Math.floor(Date.now() / 1000) - 60,
      },
      DEMO_JWT_SECRET,
    );
    await client.realtime.setAuth(expired);
    const channel = client.channel('expired');
    await expect(subscribed(channel)).rejects.toThrow(/expired/i);
    await client.removeChannel(channel);
  });
});

describe('Phoenix frames', () => {
  function rawSocket(query = `apikey=${stack.anonKey}&vsn=2.0.0`) {
    const socket = new WebSocket(
      `${stack.url.replace(/^http/, 'ws')}/realtime/v1/websocket?${query}`,
    );
    const inbox = new Inbox<unknown[]>();
    socket.on('message', (data, isBinary) => {
      if (!isBinary) inbox.push(JSON.parse((data as Buffer).toString('utf8')) as unknown[]);
    });
    const open = new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return { socket, inbox, open };
  }

  it('answers join with the bindings and their ids, then a system message; heartbeats get ok', async () => {
    const { socket, inbox, open } = rawSocket();
    await open;
    const bindings = [
      { event: 'INSERT', schema: 'public', table: 'rt_items', filter: 'qty=gt.1' },
      { event: '*', schema: 'public', table: 'rt_board' },
    ];
    socket.send(
      JSON.stringify([
        '1',
        '1',
        'realtime:frames',
        'phx_join',
        { config: { postgres_changes: bindings }, access_token: alice.accessToken },
      ]),
    );
    const reply = await inbox.waitFor((frame) => frame[3] === 'phx_reply' && frame[1] === '1');
    expect(reply.slice(0, 3)).toEqual(['1', '1', 'realtime:frames']);
    const response = reply[4] as {
      status: string;
      response: { postgres_changes: { id: number }[] };
    };
    expect(response.status).toBe('ok');
    expect(response.response.postgres_changes.map(({ id: _id, ...binding }) => binding)).toEqual(
      bindings,
    );
    expect(response.response.postgres_changes.every(({ id }) => Number.isInteger(id))).toBe(true);
    const system = await inbox.waitFor((frame) => frame[3] === 'system');
    expect(system[4]).toEqual({
      extension: 'postgres_changes',
      status: 'ok',
      message: 'Subscribed to PostgreSQL',
      channel: 'frames',
    });

    socket.send(
      JSON.stringify([
        '4',
        '4',
        'realtime:ready',
        'phx_join',
        { config: { broadcast: { replication_ready: true } } },
      ]),
    );
    const ready = await inbox.waitFor(
      (frame) => frame[2] === 'realtime:ready' && frame[3] === 'system',
    );
    expect(ready[4]).toEqual({
      extension: 'system',
      status: 'ok',
      message: 'Replication connection established',
      channel: 'ready',
    });

    socket.send(JSON.stringify([null, '2', 'phoenix', 'heartbeat', {}]));
    expect(await inbox.waitFor((frame) => frame[1] === '2')).toEqual([
      null,
      '2',
      'phoenix',
      'phx_reply',
      { status: 'ok', response: {} },
    ]);

    socket.send(JSON.stringify(['1', '3', 'realtime:frames', 'phx_leave', {}]));
    expect((await inbox.waitFor((frame) => frame[1] === '3'))[4]).toEqual({
      status: 'ok',
      response: {},
    });
    socket.close();
  });

  it('answers malformed frames with an error and keeps serving', async () => {
    const { socket, inbox, open } = rawSocket();
    await open;
    socket.send('{not json');
    socket.send(JSON.stringify(['only', 'three', 'items']));
    socket.send(JSON.stringify([null, '5', 'realtime:x', 'phx_join', 'not-an-object']));
    socket.send(
      JSON.stringify([
        null,
        '6',
        'realtime:never-joined',
        'broadcast',
        { type: 'broadcast', event: 'e' },
      ]),
    );
    socket.send(Buffer.from([9, 9, 9]));
    socket.send(
      JSON.stringify([
        null,
        '7',
        'realtime:x',
        'phx_join',
        { config: { postgres_changes: [{ event: 'TRUNCATE', schema: 'public' }] } },
      ]),
    );
    socket.send(JSON.stringify([null, '8', 'phoenix', 'heartbeat', {}]));
    await inbox.waitFor((frame) => frame[1] === '8');
    const errors = inbox.items.filter(
      (frame) => (frame[4] as { status?: string }).status === 'error',
    );
    const reasons = errors.map(
      (frame) => (frame[4] as { response: { reason: string } }).response.reason,
    );
    expect(reasons).toEqual([
      'malformed frame: not valid JSON',
      'malformed frame: expected [join_ref, ref, topic, event, payload]',
      'malformed frame: payload must be an object',
      'unmatched topic',
      'malformed frame: unsupported binary message',
      'config.postgres_changes[0].event must be one of *, INSERT, UPDATE, DELETE',
    ]);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('speaks vsn 1.0.0 (JSON objects) too', async () => {
    const socket = new WebSocket(
      `${stack.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${stack.anonKey}&vsn=1.0.0`,
    );
    const inbox = new Inbox<Record<string, unknown>>();
    socket.on('message', (data) =>
      inbox.push(JSON.parse((data as Buffer).toString('utf8')) as Record<string, unknown>),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '1' }));
    expect(await inbox.waitFor((frame) => frame.ref === '1')).toEqual({
      join_ref: null,
      ref: '1',
      topic: 'phoenix',
      event: 'phx_reply',
      payload: { status: 'ok', response: {} },
    });
    socket.close();
  });

  it('refuses the upgrade with 401 for a bad apikey', async () => {
    const socket = new WebSocket(
      `${stack.url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=not-a-key&vsn=2.0.0`,
    );
    const status = await new Promise<number | undefined>((resolve) => {
      socket.once('unexpected-response', (request, response) => {
        resolve(response.statusCode);
        request.destroy();
      });
    });
    socket.on('error', () => undefined);
    expect(status).toBe(401);
  });
});
