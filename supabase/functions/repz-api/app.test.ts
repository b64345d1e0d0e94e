// repz-api under real Deno against a real stack (auth, REST, PostgreSQL with RLS): run through
// `pnpm --filter @alawein/functions test`, which starts the stack and passes its URL and key.
import assert from 'node:assert/strict';
import { createClient } from '@supabase/supabase-js';
import { createLogger, type LogEntry } from '@alawein/logger';
import { z } from 'zod';
import { createFunctionApp } from '../_shared/app.ts';
import { loadFunctionEnv } from '../_shared/env.ts';
import {
  callApp,
  type CallOptions,
  clearOfRateWindow,
  serviceRoleClient,
  signUpTestUser,
  type TestUser,
} from '../_shared/testing.ts';
import { respond } from '../_shared/respond.ts';
import { createRepzApp } from './app.ts';

const env = loadFunctionEnv();
const logged: LogEntry[] = [];
const app = createRepzApp(
  env,
  createLogger({ level: 'info', sinks: [(entry) => logged.push(entry)] }),
);
const admin = serviceRoleClient(env);

const signUp = (): Promise<TestUser> => signUpTestUser(env, 'lifter');

const call = (method: string, path: string, options: CallOptions = {}) =>
  callApp(app.fetch, 'repz-api', method, path, options);

async function exerciseId(name: string): Promise<string> {
  const { data, error } = await admin
    .from('repz_exercises')
    .select('id')
    .is('owner_id', null)
    .eq('name', name)
    .single();
  if (error) throw error;
  return data.id;
}

const bench = await exerciseId('Barbell Bench Press');
const squat = await exerciseId('Back Squat');

function workout(overrides: Record<string, unknown> = {}) {
  return {
    performed_at: '2026-11-20T18:30:00Z',
    name: 'Push day',
    sets: [
      { exercise_id: bench, reps: 5, weight_kg: 100, rpe: 8 },
      { exercise_id: bench, reps: 5, weight_kg: 100, rpe: 8.5 },
      { exercise_id: bench, reps: 3, weight_kg: 105, rpe: 9.5, rest_seconds: 180 },
    ],
    ...overrides,
  };
}

async function workoutCount(ownerId: string): Promise<number> {
  const { count, error } = await admin
    .from('repz_workouts')
    .select('id', { count: 'exact', head: true })
    .eq('owner_id', ownerId);
  if (error) throw error;
  return count ?? -1;
}

Deno.test('health answers ok without a signed-in user when the database answers', async () => {
  const res = await call('GET', '/health');
  assert.equal(res.status, 200);
  assert.equal(res.json.status, 'ok');
});

Deno.test(
  'a request without a token, with the anon key or with a forged token is refused with 401',
  async () => {
    assert.equal((await call('GET', '/stats')).status, 401);
    assert.equal((await call('GET', '/stats', { token: env.supabaseAnonKey })).status, 401);
    const user = await signUp();
    const [header, payload] = user.token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const res = await call('GET', '/stats', { token: forged });
    assert.equal(res.status, 401);
    assert.equal(res.json.error.code, 'unauthorized');
    // Error answers keep the headers browsers and clients need.
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.ok(res.headers.get('x-request-id'));
  },
);

Deno.test('a workout with three sets is stored and listed newest first', async () => {
  const user = await signUp();
  const created = await call('POST', '/workouts', { token: user.token, body: workout() });
  assert.equal(created.status, 201);
  assert.equal(created.json.sets.length, 3);
  assert.equal(created.json.sets[2].weight_kg, 105);
  assert.equal(created.json.sets[0].exercise_name, 'Barbell Bench Press');
  await call('POST', '/workouts', {
    token: user.token,
    body: workout({ performed_at: '2026-11-22T08:00:00Z', name: 'Legs' }),
  });
  const list = await call('GET', '/workouts?limit=1', { token: user.token });
  assert.equal(list.status, 200);
  assert.equal(list.json.total, 2);
  assert.equal(list.json.items.length, 1);
  assert.equal(list.json.items[0].name, 'Legs');
  const ranged = await call('GET', '/workouts?from=2026-11-19&to=2026-11-20', {
    token: user.token,
  });
  assert.deepEqual(
    ranged.json.items.map((w: { name: string }) => w.name),
    ['Push day'],
  );
});

Deno.test('bad input gets a clear error naming the field and writes nothing', async () => {
  const user = await signUp();
  const cases: [unknown, number, string][] = [
    [workout({ sets: [] }), 422, 'sets'],
    [workout({ performed_at: 'last tuesday' }), 422, 'performed_at'],
    [
      workout({ sets: [{ exercise_id: bench, reps: 5, weight_kg: 100, rpe: 11 }] }),
      422,
      'sets.0.rpe',
    ],
    [workout({ sets: [{ exercise_id: bench, reps: 'five', weight_kg: 100 }] }), 400, 'sets.0.reps'],
    [
      workout({ sets: [{ exercise_id: 'bench', reps: 5, weight_kg: 100 }] }),
      422,
      'sets.0.exercise_id',
    ],
    [
      workout({
        sets: Array.from({ length: 101 }, () => ({ exercise_id: bench, reps: 1, weight_kg: 1 })),
      }),
      422,
      'sets',
    ],
  ];
  for (const [body, status, field] of cases) {
    const res = await call('POST', '/workouts', { token: user.token, body });
    assert.equal(res.status, status, `status for ${field}`);
    assert.equal(res.json.error.field, field);
  }
  const malformed = await call('POST', '/workouts', { token: user.token, rawBody: '{"name": ' });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.json.error.code, 'invalid_json');
  const wrongType = await call('POST', '/workouts', {
    token: user.token,
    rawBody: 'name=x',
    contentType: 'text/plain',
  });
  assert.equal(wrongType.status, 415);
  const badQuery = await call('GET', '/progress?exercise_id=nope', { token: user.token });
  assert.equal(badQuery.status, 422);
  assert.equal(badQuery.json.error.field, 'exercise_id');
  assert.equal(await workoutCount(user.id), 0);
});

Deno.test('a set with an exercise the user cannot use leaves no workout behind', async () => {
  const owner = await signUp();
  const other = await signUp();
  const { data: custom, error } = await admin
    .from('repz_exercises')
    .insert({
      owner_id: other.id,
      name: 'Secret Press',
      muscle_group: 'chest',
      equipment: 'machine',
    })
    .select('id')
    .single();
  if (error) throw error;
  for (const exercise_id of [custom.id, crypto.randomUUID()]) {
    const res = await call('POST', '/workouts', {
      token: owner.token,
      body: workout({
        sets: [
          { exercise_id: bench, reps: 5, weight_kg: 100 },
          { exercise_id, reps: 5, weight_kg: 50 },
        ],
      }),
    });
    assert.equal(res.status, 422);
    assert.equal(res.json.error.field, 'sets.1.exercise_id');
  }
  assert.equal(await workoutCount(owner.id), 0);
});

Deno.test(
  'the database writes a workout and its sets all-or-nothing even past validation',
  async () => {
    const user = await signUp();
    const client = createClient(env.supabaseUrl, env.supabaseAnonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { headers: { Authorization: `Bearer ${user.token}` } },
    });
    // Sent straight to the SQL function: the second set breaks a check constraint after the
    // workout row was inserted, so only the transaction's rollback keeps it out.
    const { error } = await client.rpc('repz_save_workout', {
      workout: workout({
        sets: [
          { exercise_id: bench, reps: 5, weight_kg: 100 },
          { exercise_id: bench, reps: 0, weight_kg: 100 },
        ],
      }),
    });
    assert.equal(error?.code, '23514');
    assert.equal(await workoutCount(user.id), 0);
  },
);

Deno.test('progress and stats reflect logged sets with the shared formulas', async () => {
  const user = await signUp();
  const today = new Date().toISOString();
  const res = await call('POST', '/workouts', {
    token: user.token,
    body: workout({ performed_at: today }),
  });
  assert.equal(res.status, 201);
  const progress = await call('GET', `/progress?exercise_id=${bench}&period=4w`, {
    token: user.token,
  });
  assert.equal(progress.status, 200);
  assert.equal(progress.json.points.length, 1);
  const [point] = progress.json.points;
  assert.equal(point.max_weight_kg, 105);
  assert.equal(point.volume_kg, 100 * 5 * 2 + 105 * 3);
  assert.equal(point.e1rm_epley_kg, 116.67);
  assert.equal(point.e1rm_brzycki_kg, 112.5);
  assert.equal(progress.json.personal_records.max_e1rm_kg, 116.67);
  const none = await call('GET', `/progress?exercise_id=${squat}&period=all`, {
    token: user.token,
  });
  assert.deepEqual(none.json.points, []);
  const stats = await call('GET', '/stats', { token: user.token });
  assert.equal(stats.status, 200);
  assert.equal(stats.json.streak_days, 1);
  assert.equal(stats.json.workouts_this_week, 1);
  assert.equal(stats.json.week_volume_kg, 1315);
});

Deno.test(
  'a coach sees a client’s workouts after the invite is accepted, a stranger never does',
  async () => {
    const coach = await signUp();
    const client = await signUp();
    const stranger = await signUp();
    await call('POST', '/workouts', { token: client.token, body: workout() });

    const before = await call('GET', `/workouts?athlete=${client.id}`, { token: coach.token });
    assert.equal(before.json.total, 0);

    const invite = await call('POST', '/coach/invite', { token: coach.token });
    assert.equal(invite.status, 201);
    assert.match(invite.json.code, /^[A-Z2-9]{8}$/);

    assert.equal(
      (
        await call('POST', '/coach/accept', {
          token: coach.token,
          body: { code: invite.json.code },
        })
      ).status,
      422,
    );
    assert.equal(
      (await call('POST', '/coach/accept', { token: client.token, body: { code: 'ABCDEFGH' } }))
        .status,
      404,
    );
    const accepted = await call('POST', '/coach/accept', {
      token: client.token,
      body: { code: invite.json.code.toLowerCase() },
    });
    assert.equal(accepted.status, 200);
    assert.equal(accepted.json.status, 'active');
    assert.equal(accepted.json.client_id, client.id);
    const reused = await call('POST', '/coach/accept', {
      token: stranger.token,
      body: { code: invite.json.code },
    });
    assert.equal(reused.status, 422);

    const after = await call('GET', `/workouts?athlete=${client.id}`, { token: coach.token });
    assert.equal(after.json.total, 1);
    const progress = await call(
      'GET',
      `/progress?exercise_id=${bench}&period=all&athlete=${client.id}`,
      { token: coach.token },
    );
    assert.equal(progress.json.points.length, 1);
    const spying = await call('GET', `/workouts?athlete=${client.id}`, { token: stranger.token });
    assert.equal(spying.json.total, 0);
  },
);

Deno.test('the write budget is 20 a minute per user, then 429 with Retry-After', async () => {
  const user = await signUp();
  await clearOfRateWindow(10);
  for (let i = 0; i < 20; i += 1) {
    const res = await call('POST', '/coach/invite', { token: user.token });
    assert.equal(res.status, 201, `write ${i + 1}`);
  }
  const limited = await call('POST', '/coach/invite', { token: user.token });
  assert.equal(limited.status, 429);
  assert.equal(limited.json.error.code, 'rate_limited');
  const retryAfter = Number(limited.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  // Reads have their own budget, and another user is unaffected.
  assert.equal((await call('GET', '/stats', { token: user.token })).status, 200);
  const other = await signUp();
  assert.equal((await call('POST', '/coach/invite', { token: other.token })).status, 201);
});

Deno.test(
  'unknown routes are a JSON 404 and every request is logged once without secrets',
  async () => {
    const user = await signUp();
    logged.length = 0;
    const res = await call('GET', '/nope', { token: user.token });
    assert.equal(res.status, 404);
    assert.equal(res.json.error.code, 'not_found');
    await call('GET', '/stats', { token: user.token });
    const requests = logged.filter((entry) => entry.message === 'request');
    assert.equal(requests.length, 2);
    const stats = requests[1]!;
    assert.equal(stats.status, 200);
    assert.equal(stats.userId, user.id);
    assert.equal(typeof stats.duration, 'number');
    assert.equal(typeof stats.requestId, 'string');
    assert.ok(
      !JSON.stringify(logged).includes(user.token),
      'the access token never reaches a log line',
    );
  },
);

Deno.test('an answer that does not match its response schema is a logged 500', async () => {
  logged.length = 0;
  const drifting = createFunctionApp(
    'drift-test',
    env,
    createLogger({ level: 'info', sinks: [(entry) => logged.push(entry)] }),
  );
  drifting.get('/thing', (c) => respond(c, z.object({ count: z.int() }), { count: '3' }));
  const res = await drifting.fetch(new Request('http://functions.test/drift-test/thing'));
  assert.equal(res.status, 500);
  assert.deepEqual(await res.json(), {
    error: { code: 'internal_error', message: 'the server produced an unexpected response' },
  });
  const failure = logged.find((entry) => entry.message === 'request failed');
  assert.match(JSON.stringify(failure), /count/);
});
