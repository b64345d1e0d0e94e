// callFunction against the real repz-api served by a local stack, through supabase-js.
import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createBrowserClient } from '../client/browser-client.ts';
import { nodeRealtime } from '../test/node-realtime.ts';
import { ApiError } from './api-error.ts';
import { callFunction } from './call-function.ts';

const stack = inject('supabase');

function newClient() {
  return createBrowserClient(
    { supabaseUrl: stack.url, supabaseAnonKey: stack.anonKey },
    { realtime: nodeRealtime, auth: { storageKey: `sb-test-${crypto.randomUUID()}` } },
  );
}

async function signedIn() {
  const client = newClient();
  const { error } = await client.auth.signUp({
    email: `call-${crypto.randomUUID()}@example.com`,
    password: 'correct horse battery staple',
  });
  if (error) throw error;
  return client;
}

const stats = {
  functionName: 'repz-api',
  method: 'GET',
  path: 'stats',
  query: z.object({ tz: z.string() }),
  response: z.object({ streak_days: z.int(), workouts_this_week: z.int() }),
} as const;

const invite = {
  functionName: 'repz-api',
  method: 'POST',
  path: 'coach/accept',
  body: z.object({ code: z.string() }),
  response: z.object({ id: z.uuid() }),
} as const;

const removeWorkout = {
  functionName: 'repz-api',
  method: 'DELETE',
  path: 'workouts/:id',
  response: z.null(),
} as const;

describe('callFunction', () => {
  it('returns the answer parsed with the response schema (unknown keys dropped)', async () => {
    const client = await signedIn();
    const answer = await callFunction(client, stats, { query: { tz: 'Europe/Paris' } });
    expect(answer).toEqual({ streak_days: 0, workouts_this_week: 0 });
  });

  it('turns an error answer into ApiError with status, code, field and headers', async () => {
    const client = await signedIn();
    const error: unknown = await callFunction(client, invite, { body: { code: 'nope' } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'invalid_value', field: 'code' });
    expect(error instanceof ApiError && error.headers.get('x-request-id')).toBeTruthy();

    const anonymous: unknown = await callFunction(newClient(), stats, {
      query: { tz: 'UTC' },
    }).catch((caught: unknown) => caught);
    expect(anonymous).toMatchObject({ status: 401 });
  });

  it('refuses an answer that does not match the schema', async () => {
    const client = await signedIn();
    const drifted = { ...stats, response: z.object({ streak_days: z.string() }) };
    await expect(callFunction(client, drifted, { query: { tz: 'UTC' } })).rejects.toMatchObject({
      code: 'invalid_response',
      message: expect.stringContaining('streak_days') as string,
    });
  });

  it('fills path parameters; a 404 names the field', async () => {
    const client = await signedIn();
    await expect(
      callFunction(client, removeWorkout, { params: { id: crypto.randomUUID() } }),
    ).rejects.toMatchObject({ status: 404, code: 'not_found', field: 'id' });
  });
});
