// The first-page client and the full client it loads on demand share one GoTrue session: one
// sign-in, one refresh, one refresh timer. Against a real local stack (auth, PostgREST, storage,
// functions) with a fetch that records every request.
import type { Session } from '@supabase/supabase-js';
import { describe, expect, inject, it } from 'vitest';
import { nodeRealtime } from '../test/node-realtime.ts';
import { createBrowserClient } from './browser-client.ts';

const stack = inject('supabase');
const password = 'correct horse battery staple';

interface SeenRequest {
  path: string;
  bearer: string | null;
}

/** A fresh app client (own storage key) whose every request is recorded. */
function recordedClient() {
  const seen: SeenRequest[] = [];
  const storageKey = `sb-test-${crypto.randomUUID()}`;
  const recordingFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const headers = new Headers(input instanceof Request ? input.headers : init?.headers);
    seen.push({
      path: url.pathname + url.search,
      bearer: headers.get('authorization')?.replace(/^Bearer /, '') ?? null,
    });
    return fetch(input, init);
  };
  const client = createBrowserClient(
    { supabaseUrl: stack.url, supabaseAnonKey: stack.anonKey },
    { realtime: nodeRealtime, auth: { storageKey }, global: { fetch: recordingFetch } },
  );
  const refreshes = () => seen.filter((r) => r.path.includes('grant_type=refresh_token')).length;
  const since = (from: number) => seen.slice(from);
  return { client, seen, storageKey, refreshes, since };
}

async function signedUp(client: ReturnType<typeof recordedClient>['client']): Promise<Session> {
  const { data, error } = await client.auth.signUp({
    email: `one-session-${crypto.randomUUID()}@example.com`,
    password,
  });
  if (error) throw error;
  if (!data.session) throw new Error('sign-up returned no session (e-mail confirmation on?)');
  return data.session;
}

/** JWTs carry whole seconds: a token refreshed in the second it was issued could be identical. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

/** Moves the stored session's expiry to `seconds` from now, as if it had been issued long ago. */
function expireStoredSessionIn(storageKey: string, seconds: number): void {
  const stored = localStorage.getItem(storageKey);
  if (!stored) throw new Error(`no session stored under ${storageKey}`);
  const session = JSON.parse(stored) as Session;
  session.expires_at = Math.floor(Date.now() / 1000) + seconds;
  localStorage.setItem(storageKey, JSON.stringify(session));
}

const until = async (check: () => boolean, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('one session for the first-page client and the full client', () => {
  it('the full client has no auth client of its own and acts as the signed-in user', async () => {
    const { client, seen, since } = recordedClient();
    const session = await signedUp(client);
    const full = await client.full();
    expect(await client.full()).toBe(full); // created once

    expect(() => full.auth.getSession()).toThrow(/accessToken option/);
    // A channel subscribed right away must join as the user, so the token is there already.
    expect(full.realtime.accessTokenValue).toBe(session.access_token);

    const from = seen.length;
    const profiles = await full.from('profiles').select('id');
    expect(profiles.data).toEqual([{ id: session.user.id }]); // RLS saw the user
    await full.storage.from('one-session-probe').list(session.user.id);
    await full.functions.invoke('one-session-probe');
    const sent = since(from);
    expect(sent.map((r) => r.path.split('/')[1])).toEqual(['rest', 'storage', 'functions']);
    expect(sent.every((r) => r.bearer === session.access_token)).toBe(true);

    await client.auth.signOut();
    const afterSignOut = seen.length;
    expect((await full.from('profiles').select('id')).data ?? []).toEqual([]);
    expect(since(afterSignOut).map((r) => r.bearer)).toEqual([stack.anonKey]);
    await until(() => full.realtime.accessTokenValue === stack.anonKey, 'realtime anon token');
  });

  it('a token about to expire is refreshed once, and both clients use the new one', async () => {
    const { client, storageKey, refreshes, since, seen } = recordedClient();
    const session = await signedUp(client);
    const full = await client.full();
    await client.auth.stopAutoRefresh(); // the refresh below is the only one that may happen
    await nextSecond();
    expireStoredSessionIn(storageKey, 30);

    const from = seen.length;
    await Promise.all([
      client.from('profiles').select('id'),
      full.from('profiles').select('id'),
      full.storage.from('one-session-probe').list(session.user.id),
      full.functions.invoke('one-session-probe'),
    ]);
    expect(refreshes()).toBe(1);
    const refreshed = (await client.auth.getSession()).data.session!;
    expect(refreshed.access_token).not.toBe(session.access_token);
    const apiCalls = since(from).filter((r) => !r.path.startsWith('/auth/'));
    expect(apiCalls).toHaveLength(4);
    expect(apiCalls.every((r) => r.bearer === refreshed.access_token)).toBe(true);
    await until(() => full.realtime.accessTokenValue === refreshed.access_token, 'realtime token');
  });

  it("the first-page client's auto-refresh timer is the only one, and its refresh reaches the full client", async () => {
    const { client, storageKey, refreshes, since, seen } = recordedClient();
    const session = await signedUp(client);
    const full = await client.full();
    await client.auth.stopAutoRefresh();
    await nextSecond();
    expireStoredSessionIn(storageKey, 60);
    const refreshed = new Promise<Session>((resolve) => {
      const { data } = client.auth.onAuthStateChange((event, next) => {
        if (event !== 'TOKEN_REFRESHED' || !next) return;
        data.subscription.unsubscribe();
        resolve(next);
      });
    });

    await client.auth.startAutoRefresh(); // ticks at once, then every 30 s
    const next = await refreshed;
    expect(next.access_token).not.toBe(session.access_token);
    expect(refreshes()).toBe(1);
    await until(() => full.realtime.accessTokenValue === next.access_token, 'realtime token');

    const from = seen.length;
    await full.storage.from('one-session-probe').list(session.user.id);
    expect(since(from)).toEqual([expect.objectContaining({ bearer: next.access_token })]);
    expect(refreshes()).toBe(1);
    await client.auth.stopAutoRefresh();
  });
});
