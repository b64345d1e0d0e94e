// The schema through the real client: sign-up via supabase-js creates the profile, the seeded demo
// accounts sign in with their documented password, and REST requests see only what RLS allows.
import { randomUUID } from 'node:crypto';
import { createServerClient, type TypedSupabaseClient } from '@alawein/supabase-client/server';
import type { RealtimeClientOptions } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { DbHarness } from './harness.ts';
import { connectHarness, testStack } from './stack.ts';

const DEMO_PASSWORD = 'password123';
const DEMO_USER_ID = '00000000-0000-4000-8000-000000000001';

let harness: DbHarness;
const signedUp: string[] = [];

/** The apps' typed server client; Node 20 needs `ws` (its typing differs only in overloads). */
function newClient(): TypedSupabaseClient {
  const { url, anonKey } = testStack();
  return createServerClient(url, anonKey, {
    realtime: {
      transport: WebSocket as unknown as NonNullable<RealtimeClientOptions['transport']>,
    },
  });
}

async function signedIn(email: string): Promise<TypedSupabaseClient> {
  const client = newClient();
  const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
  expect(error).toBeNull();
  return client;
}

beforeAll(() => {
  harness = connectHarness();
});

afterAll(async () => {
  if (signedUp.length > 0)
    await harness?.admin.query('delete from auth.users where id = any($1)', [signedUp]);
  await harness?.close();
});

describe('sign-up through the Auth API', () => {
  it('signing up creates exactly one profile, named from the sign-up data', async () => {
    const client = newClient();
    const email = `signup-${randomUUID()}@example.com`;
    const { data, error } = await client.auth.signUp({
      email,
      password: 'correct horse battery',
      options: { data: { display_name: 'Fresh Signup' } },
    });
    expect(error).toBeNull();
    const userId = data.user?.id;
    expect(userId).toBeDefined();
    signedUp.push(userId!);
    expect(data.session).not.toBeNull();

    const { rows } = await harness.admin.query<{ count: string }>(
      'select count(*) from public.profiles where id = $1',
      [userId],
    );
    expect(rows).toEqual([{ count: '1' }]);

    const own = await client.from('profiles').select('id, display_name, preferred_units');
    expect(own.error).toBeNull();
    expect(own.data).toEqual([{ id: userId, display_name: 'Fresh Signup', preferred_units: 'kg' }]);
  });
});

describe('the seeded demo accounts', () => {
  it('a demo user signs in with the documented password and sees only their own profile', async () => {
    const client = await signedIn('demo@example.com');
    const { data, error } = await client.from('profiles').select('id, display_name');
    expect(error).toBeNull();
    expect(data).toEqual([{ id: DEMO_USER_ID, display_name: 'Demo User' }]);
  });

  it('a demo user updates their own profile through the REST API', async () => {
    const client = await signedIn('demo@example.com');
    const { data, error } = await client
      .from('profiles')
      .update({ preferred_units: 'lb' })
      .eq('id', DEMO_USER_ID)
      .select('preferred_units')
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({ preferred_units: 'lb' });
    await client.from('profiles').update({ preferred_units: 'kg' }).eq('id', DEMO_USER_ID);
  });

  it('a demo user sees their seeded project in each app', async () => {
    const client = await signedIn('demo@example.com');
    const { data, error } = await client.from('projects').select('app').order('app');
    expect(error).toBeNull();
    expect(data).toEqual([
      { app: 'liveit' },
      { app: 'qmlab' },
      { app: 'repz' },
      { app: 'simcore' },
    ]);
  });

  it('another demo user cannot read or change the demo user’s profile over REST', async () => {
    const client = await signedIn('coach@example.com');
    const read = await client.from('profiles').select('id').eq('id', DEMO_USER_ID);
    expect(read.data).toEqual([]);
    const write = await client
      .from('profiles')
      .update({ display_name: 'Hijacked' })
      .eq('id', DEMO_USER_ID)
      .select();
    expect(write.data).toEqual([]);
  });

  it('the admin demo account carries the admin role in app_metadata, so is_admin() is true', async () => {
    const client = await signedIn('admin@example.com');
    const { data, error } = await client.rpc('is_admin');
    expect(error).toBeNull();
    expect(data).toBe(true);
  });

  it('a wrong password is rejected', async () => {
    const { error } = await newClient().auth.signInWithPassword({
      email: 'demo@example.com',
      password: 'nope-nope',
    });
    expect(error?.code).toBe('invalid_credentials');
  });
});

describe('anon over REST', () => {
  it('anon cannot read profiles or projects', async () => {
    const client = newClient();
    for (const table of ['profiles', 'projects'] as const) {
      const { data, error } = await client.from(table).select('id');
      expect(data).toBeNull();
      expect(error?.code).toBe('42501');
    }
  });
});
