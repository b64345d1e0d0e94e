// Helpers for the Realtime contract tests: real supabase-js clients over `ws`, users signed up
// through supabase-js, and an inbox that waits for the messages a callback collects.
import { randomUUID } from 'node:crypto';
import {
  REALTIME_SUBSCRIBE_STATES,
  type RealtimeChannel,
  type SupabaseClient,
} from '@supabase/supabase-js';
import { createNodeClient } from '../src/testing.ts';

export interface StackEndpoints {
  url: string;
  anonKey: string;
}

/** supabase-js as an app uses it; Node 20 needs `ws` as the realtime transport. */
export function realtimeClient(stack: StackEndpoints, key = stack.anonKey): SupabaseClient {
  return createNodeClient(stack.url, key, { realtime: { heartbeatIntervalMs: 5000 } });
}

export interface SignedUpUser {
  client: SupabaseClient;
  userId: string;
  accessToken: string;
}

/** Signs a new user up through supabase-js; the client's realtime then uses the user's token. */
export async function signedUpUser(stack: StackEndpoints, label: string): Promise<SignedUpUser> {
  const client = realtimeClient(stack);
  const { data, error } = await client.auth.signUp({
    email: `${label}-${randomUUID().slice(0, 8)}@example.com`,
    password: 'realtime-password-1',
  });
  if (error || !data.session || !data.user)
    throw new Error(`sign-up failed: ${error?.message ?? 'no session'}`);
  // supabase-js hands the token to realtime on its auth event; make it explicit before subscribing.
  await client.realtime.setAuth(data.session.access_token);
  return { client, userId: data.user.id, accessToken: data.session.access_token };
}

/** Subscribes and resolves on SUBSCRIBED; rejects with the server's reason otherwise. */
export function subscribed(channel: RealtimeChannel, timeoutMs = 10_000): Promise<RealtimeChannel> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${channel.topic}: not subscribed after ${timeoutMs} ms`)),
      timeoutMs,
    );
    channel.subscribe((status, error) => {
      if (status === REALTIME_SUBSCRIBE_STATES.SUBSCRIBED) {
        clearTimeout(timer);
        resolve(channel);
      } else if (
        status === REALTIME_SUBSCRIBE_STATES.CHANNEL_ERROR ||
        status === REALTIME_SUBSCRIBE_STATES.TIMED_OUT
      ) {
        clearTimeout(timer);
        reject(error ?? new Error(`${channel.topic}: ${status}`));
      }
    });
  });
}

/** Collects what a callback receives and lets a test wait for a particular item. */
export class Inbox<T> {
  readonly items: T[] = [];
  private waiters: { match: (item: T) => boolean; resolve: (item: T) => void }[] = [];

  readonly push = (item: T): void => {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(item)) {
        this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
        waiter.resolve(item);
      }
    }
  };

  waitFor(match: (item: T) => boolean, timeoutMs = 5000): Promise<T> {
    const found = this.items.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((candidate) => candidate.resolve !== done);
        reject(
          new Error(
            `nothing matching arrived within ${timeoutMs} ms; got ${JSON.stringify(this.items)}`,
          ),
        );
      }, timeoutMs);
      const done = (item: T): void => {
        clearTimeout(timer);
        resolve(item);
      };
      this.waiters.push({ match, resolve: done });
    });
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
