// simcore-api under real Deno against a real stack (auth, REST, PostgreSQL with RLS): run through
// `pnpm --filter @alawein/functions test`, which starts the stack and passes its URL and keys.
import assert from 'node:assert/strict';
import { createLogger, type LogEntry } from '@alawein/logger';
import { ising } from '@alawein/simcore-engine';
import { loadFunctionEnv } from '../_shared/env.ts';
import {
  callApp,
  type CallOptions,
  clearOfRateWindow,
  serviceRoleClient,
  signUpTestUser,
  type TestUser,
} from '../_shared/testing.ts';
import { createSimcoreApp } from './app.ts';

const env = loadFunctionEnv();
const logged: LogEntry[] = [];
const app = createSimcoreApp(
  env,
  createLogger({ level: 'info', sinks: [(entry) => logged.push(entry)] }),
);
const admin = serviceRoleClient(env);

// deno-lint-ignore no-explicit-any
type Json = any;

const signUp = (): Promise<TestUser> => signUpTestUser(env, 'physicist');

const call = (method: string, path: string, options: CallOptions = {}) =>
  callApp(app.fetch, 'simcore-api', method, path, options);

async function runCount(ownerId: string): Promise<number> {
  const { count, error } = await admin
    .from('simcore_simulations')
    .select('id', { count: 'exact', head: true })
    .eq('owner_id', ownerId);
  if (error) throw error;
  return count ?? -1;
}

// A small real Ising run: its summary and series are what the app would save.
const smallIsing = { size: 8, temperature: 1.5, sweeps: 50, equilibrationSweeps: 10, seed: 3 };
const smallResult = await ising.simulate(smallIsing);

async function completedRun(user: TestUser, title = 'Ising T=1.5'): Promise<Json> {
  const created = await call('POST', '/runs', {
    token: user.token,
    body: { module: 'ising', title, params: smallIsing },
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const started = await call('POST', `/runs/${created.json.id}/start`, { token: user.token });
  assert.equal(started.status, 200);
  const done = await call('POST', `/runs/${created.json.id}/complete`, {
    token: user.token,
    body: { ...smallResult, computeMs: 12 },
  });
  assert.equal(done.status, 200, JSON.stringify(done.json));
  return done.json;
}

Deno.test('health answers ok without a signed-in user when the database answers', async () => {
  const res = await call('GET', '/health');
  assert.equal(res.status, 200);
  assert.equal(res.json.status, 'ok');
});

Deno.test(
  'a request without a token, with the anon key or with a forged token is refused with 401',
  async () => {
    assert.equal((await call('GET', '/runs')).status, 401);
    assert.equal((await call('GET', '/runs', { token: env.supabaseAnonKey })).status, 401);
    const user = await signUp();
    const [header, payload] = user.token.split('.');
    const res = await call('GET', '/stats', { token: `${header}.${payload}.${'A'.repeat(43)}` });
    assert.equal(res.status, 401);
    assert.equal(res.json.error.code, 'unauthorized');
  },
);

Deno.test(
  'a run is created with the module’s defaults, started, completed and listed',
  async () => {
    const user = await signUp();
    const created = await call('POST', '/runs', {
      token: user.token,
      body: { module: 'ising', title: '  Defaults  ', params: { temperature: 1.5 } },
    });
    assert.equal(created.status, 201);
    assert.equal(created.json.status, 'queued');
    assert.equal(created.json.title, 'Defaults');
    assert.equal(created.json.params.temperature, 1.5);
    assert.equal(created.json.params.size, ising.defaults.size);
    assert.equal(created.json.seed, ising.defaults.seed);
    assert.match(created.json.engineVersion, /^\d+\.\d+\.\d+/);

    const done = await completedRun(user, 'Small');
    assert.equal(done.status, 'completed');
    assert.equal(done.progress, 1);
    assert.equal(done.summary.meanAbsMagnetization, smallResult.summary.meanAbsMagnetization);

    const list = await call('GET', '/runs?module=ising&status=completed', { token: user.token });
    assert.equal(list.status, 200);
    assert.equal(list.json.total, 1);
    assert.equal(list.json.items[0].title, 'Small');
    assert.equal(list.json.items[0].series, undefined);
    const page = await call('GET', '/runs?limit=1&offset=1', { token: user.token });
    assert.equal(page.json.total, 2);
    assert.equal(page.json.items.length, 1);
    assert.equal(page.json.items[0].title, 'Defaults');

    const reopened = await call('GET', `/runs/${done.id}`, { token: user.token });
    assert.deepEqual(reopened.json.series, smallResult.series);

    const stats = await call('GET', '/stats', { token: user.token });
    assert.equal(stats.status, 200);
    assert.deepEqual(stats.json.modules, [
      { module: 'ising', runs: 2, completed: 1, computeMs: 12 },
    ]);
    assert.ok(stats.json.storageBytes > 0);
    assert.equal(stats.json.quota.runs, 500);
  },
);

Deno.test('bad input gets a clear 4xx naming the field, and nothing is written', async () => {
  const user = await signUp();
  const cases: [unknown, number, string, string | undefined][] = [
    [
      { module: 'ising', title: 'x', params: { temperature: 99 } },
      422,
      'invalid_params',
      'params.temperature',
    ],
    [{ module: 'ising', title: 'x', params: { size: 7 } }, 422, 'invalid_params', 'params.size'],
    [{ module: 'ising', title: 'x', params: { warp: 9 } }, 422, 'invalid_params', 'params.warp'],
    [
      { module: 'ising', title: 'x', params: { temperature: 'hot' } },
      422,
      'invalid_params',
      'params.temperature',
    ],
    [{ module: 'perpetual-motion', title: 'x', params: {} }, 422, 'unknown_module', 'module'],
    [{ module: 'ising', title: ' ', params: {} }, 422, 'invalid_value', 'title'],
    [{ module: 'ising', title: 'x', params: [] }, 400, 'invalid_request', 'params'],
    [
      { module: 'ising', title: 'x', params: {}, owner_id: user.id },
      400,
      'invalid_request',
      undefined,
    ],
  ];
  for (const [body, status, code, field] of cases) {
    const res = await call('POST', '/runs', { token: user.token, body });
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(res.json.error.code, code, JSON.stringify(res.json));
    assert.equal(res.json.error.field, field, JSON.stringify(res.json));
  }
  assert.equal((await call('POST', '/runs', { token: user.token, rawBody: '{' })).status, 400);
  assert.equal(
    (await call('POST', '/runs', { token: user.token, rawBody: 'x', contentType: 'text/plain' }))
      .status,
    415,
  );
  assert.equal((await call('GET', '/runs?status=done', { token: user.token })).status, 422);
  assert.equal((await call('GET', '/runs/not-a-uuid', { token: user.token })).status, 422);
  assert.equal(await runCount(user.id), 0);
});

Deno.test('an oversized or incomplete result is refused and the run stays as it was', async () => {
  const user = await signUp();
  const created = await call('POST', '/runs', {
    token: user.token,
    body: { module: 'ising', title: 'Big', params: smallIsing },
  });
  const id = created.json.id;
  await call('POST', `/runs/${id}/start`, { token: user.token });
  const huge = {
    summary: smallResult.summary,
    series: Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [
        `c${i}`,
        Array.from({ length: 15_000 }, () => 0.123456789),
      ]),
    ),
    computeMs: 5,
  };
  const tooBig = await call('POST', `/runs/${id}/complete`, { token: user.token, body: huge });
  assert.ok([413].includes(tooBig.status), JSON.stringify(tooBig.json));
  const { meanAbsMagnetization: _dropped, ...partial } = smallResult.summary;
  const missing = await call('POST', `/runs/${id}/complete`, {
    token: user.token,
    body: { summary: partial, series: smallResult.series, computeMs: 5 },
  });
  assert.equal(missing.status, 422);
  assert.equal(missing.json.error.field, 'summary.meanAbsMagnetization');
  const notFinite = await call('POST', `/runs/${id}/complete`, {
    token: user.token,
    rawBody: JSON.stringify({ summary: smallResult.summary, series: { x: ['a'] }, computeMs: 5 }),
  });
  assert.equal(notFinite.status, 400);
  const run = await call('GET', `/runs/${id}`, { token: user.token });
  assert.equal(run.json.status, 'running');
  assert.equal(run.json.summary, null);
});

Deno.test('a stopped run keeps its progress; an ended run cannot be restarted', async () => {
  const user = await signUp();
  const created = await call('POST', '/runs', {
    token: user.token,
    body: { module: 'ising', title: 'Long', params: { sweeps: 100000 } },
  });
  const id = created.json.id;
  await call('POST', `/runs/${id}/start`, { token: user.token });
  const stopped = await call('POST', `/runs/${id}/stop`, {
    token: user.token,
    body: { progress: 0.37, computeMs: 900 },
  });
  assert.equal(stopped.status, 200);
  assert.equal(stopped.json.status, 'stopped');
  assert.ok(Math.abs(stopped.json.progress - 0.37) < 1e-6);
  const again = await call('POST', `/runs/${id}/start`, { token: user.token });
  assert.equal(again.status, 409);
  assert.equal(again.json.error.code, 'invalid_transition');
});

Deno.test('another user’s run is a 404 for every operation, and is left untouched', async () => {
  const owner = await signUp();
  const stranger = await signUp();
  const run = await completedRun(owner);
  for (const [method, path, body] of [
    ['GET', `/runs/${run.id}`, undefined],
    ['POST', `/runs/${run.id}/start`, undefined],
    ['POST', `/runs/${run.id}/stop`, { progress: 0.5, computeMs: 1 }],
    ['POST', `/runs/${run.id}/share`, undefined],
    ['DELETE', `/runs/${run.id}`, undefined],
  ] as const) {
    const res = await call(method, path, { token: stranger.token, body });
    assert.equal(res.status, 404, `${method} ${path}: ${JSON.stringify(res.json)}`);
  }
  const still = await call('GET', `/runs/${run.id}`, { token: owner.token });
  assert.equal(still.json.status, 'completed');
  assert.equal(still.json.shared, false);
});

Deno.test(
  'a shared run is readable signed out by its link, verified by a re-run, until unshared',
  async () => {
    const owner = await signUp();
    const run = await completedRun(owner);
    const shared = await call('POST', `/runs/${run.id}/share`, { token: owner.token });
    assert.equal(shared.status, 200);
    assert.match(shared.json.token, /^[A-Za-z0-9_-]{24}$/);
    assert.equal(shared.json.path, `/shared/${shared.json.token}`);

    const read = await call('GET', `/shared/${shared.json.token}?verify=1`);
    assert.equal(read.status, 200);
    assert.equal(read.json.title, 'Ising T=1.5');
    assert.deepEqual(read.json.series, smallResult.series);
    assert.equal(read.json.owner_id, undefined);
    assert.deepEqual(read.json.verification, { reproduced: true, mismatches: [] });

    assert.equal((await call('GET', `/shared/${'x'.repeat(24)}`)).status, 404);
    assert.equal((await call('GET', '/shared/short')).status, 422);

    const unshared = await call('POST', `/runs/${run.id}/share`, {
      token: owner.token,
      body: { shared: false },
    });
    assert.equal(unshared.json.token, null);
    assert.equal((await call('GET', `/shared/${shared.json.token}`)).status, 404);
  },
);

Deno.test('deleting a run removes it and its result', async () => {
  const owner = await signUp();
  const run = await completedRun(owner);
  assert.equal((await call('DELETE', `/runs/${run.id}`, { token: owner.token })).status, 204);
  assert.equal((await call('GET', `/runs/${run.id}`, { token: owner.token })).status, 404);
  const { count } = await admin
    .from('simcore_results')
    .select('simulation_id', { count: 'exact', head: true })
    .eq('simulation_id', run.id);
  assert.equal(count, 0);
});

Deno.test('the 501st run is refused with 403 quota_exceeded naming the run limit', async () => {
  const user = await signUp();
  const rows = Array.from({ length: 500 }, (_, i) => ({
    owner_id: user.id,
    module: 'ising',
    title: `run ${i}`,
    params: {},
    engine_version: '0.1.0',
  }));
  const { error } = await admin.from('simcore_simulations').insert(rows);
  if (error) throw error;
  const res = await call('POST', '/runs', {
    token: user.token,
    body: { module: 'ising', title: 'one more', params: {} },
  });
  assert.equal(res.status, 403);
  assert.equal(res.json.error.code, 'quota_exceeded');
  assert.match(res.json.error.message, /500 runs/);
  assert.equal(res.json.error.field, 'runs');
  assert.equal(await runCount(user.id), 500);
});

Deno.test('the shared write budget runs out with 429 and Retry-After', async () => {
  const user = await signUp();
  let limited: Awaited<ReturnType<typeof call>> | undefined;
  await clearOfRateWindow(15);
  for (let i = 0; i < 80 && !limited; i += 1) {
    const res = await call('POST', '/runs', {
      token: user.token,
      body: { module: 'ising', title: `r${i}`, params: {} },
    });
    if (res.status === 429) limited = res;
    else assert.equal(res.status, 201);
  }
  assert.ok(limited, 'the write budget never ran out');
  assert.equal(limited.json.error.code, 'rate_limited');
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
});

Deno.test('every request is logged as one JSON line with its status and route', () => {
  const entries = logged.filter((entry) => entry.message === 'request');
  assert.ok(entries.length > 10);
  assert.ok(entries.some((entry) => entry.status === 201 && entry.route === '/simcore-api/runs'));
});
