// A stack restart must not strand realtime clients: the server closes sockets properly on
// shutdown, realtime-js reconnects with its own backoff and rejoins, and changes flow again.
import { rm } from 'node:fs/promises';
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.ts';
import { ownStackOptions } from './support/own-stack.ts';
import { Inbox, signedUpUser } from './realtime-support.ts';

let stack: RunningStack | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('a subscribed client reconnects, rejoins and receives changes after the stack restarts', async () => {
  const options = await ownStackOptions('realtime-restart');
  dataDir = options.dataDir;
  stack = await startStack(options);
  const endpoints = { url: stack.config.apiUrl, anonKey: stack.config.anonKey };

  const user = await signedUpUser(endpoints, 'restart');
  const inbox = new Inbox<RealtimePostgresChangesPayload<{ label: string }>>();
  const statuses = new Inbox<string>();
  user.client
    .channel('restart')
    .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'rt_items' }, inbox.push)
    .subscribe(statuses.push);
  await statuses.waitFor((status) => status === 'SUBSCRIBED');

  await stack.stop();
  await statuses.waitFor((status) => status === 'CHANNEL_ERROR');
  stack = await startStack(options);

  // realtime-js retries after 1 s, 2 s, 5 s...; a second SUBSCRIBED means it rejoined.
  await expect
    .poll(() => statuses.items.filter((status) => status === 'SUBSCRIBED').length, {
      timeout: 20_000,
    })
    .toBe(2);
  const db = new pg.Client({ connectionString: stack.config.dbUrl });
  await db.connect();
  try {
    await db.query(`insert into public.rt_items (owner_id, label) values ($1, 'after-restart')`, [
      user.userId,
    ]);
  } finally {
    await db.end();
  }
  const change = await inbox.waitFor(
    (c) => (c.new as { label?: string }).label === 'after-restart',
  );
  expect(change.eventType).toBe('INSERT');
  await user.client.removeAllChannels();
}, 90_000);
