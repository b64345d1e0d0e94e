// qmlab-api under real Deno against a real stack (auth, REST, PostgreSQL with RLS): run through
// `pnpm --filter @alawein/functions test`, which starts the stack and passes its URL and keys.
import assert from 'node:assert/strict';
import { createLogger, type LogEntry } from '@alawein/logger';
import {
  circuitPageSchema,
  circuitSchema,
  LIMITS,
  runResultSchema,
  runSchema,
  sharedCircuitSchema,
} from '@alawein/qmlab-domain';
import { z } from 'zod';
import { loadFunctionEnv } from '../_shared/env.ts';
import {
  callApp,
  type CallOptions,
  clearOfRateWindow,
  serviceRoleClient,
  signUpTestUser,
  type TestUser,
} from '../_shared/testing.ts';
import { createQmlabApp } from './app.ts';
import { forkTitle } from './routes/shared.ts';

const env = loadFunctionEnv();
const logged: LogEntry[] = [];
const app = createQmlabApp(
  env,
  createLogger({ level: 'info', sinks: [(entry) => logged.push(entry)] }),
);
const admin = serviceRoleClient(env);

const BELL = `OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
creg c[2];
h q[0];
cx q[0],q[1];
measure q -> c;
`;

/** A circuit of `n` qubits with a Hadamard on each: 2^n equally likely outcomes. */
function hadamards(n: number, extraGates = 0): string {
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${n}];`];
  for (let q = 0; q < n; q++) lines.push(`h q[${q}];`);
  for (let g = 0; g < extraGates; g++) lines.push(`z q[${g % n}];`);
  return `${lines.join('\n')}\n`;
}

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    line: z.number().optional(),
    column: z.number().optional(),
  }),
});

const signUp = (): Promise<TestUser> => signUpTestUser(env, 'learner');

interface Reply {
  status: number;
  headers: Headers;
  json: unknown;
}

const call = (method: string, path: string, options: CallOptions = {}) =>
  callApp(app.fetch, 'qmlab-api', method, path, options);

function errorOf(reply: Reply) {
  return errorBodySchema.parse(reply.json).error;
}

async function circuitCount(ownerId: string): Promise<number> {
  const { count, error } = await admin
    .from('qmlab_circuits')
    .select('id', { count: 'exact', head: true })
    .eq('owner_id', ownerId);
  if (error) throw error;
  return count ?? -1;
}

async function save(user: TestUser, body: Record<string, unknown>) {
  const reply = await call('POST', '/circuits', { token: user.token, body });
  assert.equal(reply.status, 201, JSON.stringify(reply.json));
  return circuitSchema.parse(reply.json);
}

Deno.test('health answers ok without a signed-in user when the database answers', async () => {
  const reply = await call('GET', '/health');
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.json, { status: 'ok', checks: { database: 'ok' } });
});

Deno.test('a missing token, the anon key or a forged token is refused with 401', async () => {
  assert.equal((await call('GET', '/circuits')).status, 401);
  assert.equal((await call('POST', '/run', { body: { qasm: BELL } })).status, 401);
  assert.equal((await call('GET', '/circuits', { token: env.supabaseAnonKey })).status, 401);
  const user = await signUp();
  const [header, payload] = user.token.split('.');
  const forged = await call('GET', '/circuits', {
    token: `${header}.${payload}.${'A'.repeat(43)}`,
  });
  assert.equal(forged.status, 401);
  assert.equal(errorOf(forged).code, 'unauthorized');
});

Deno.test(
  'a circuit is saved with the qubit and gate counts the parser found, listed and searched',
  async () => {
    const user = await signUp();
    const saved = await save(user, { title: 'Bell pair', qasm: BELL });
    assert.equal(saved.num_qubits, 2);
    assert.equal(saved.gate_count, 4);
    assert.equal(saved.visibility, 'private');
    await save(user, { title: 'GHZ 50% done', qasm: hadamards(3) });

    const all = circuitPageSchema.parse(
      (await call('GET', '/circuits', { token: user.token })).json,
    );
    assert.deepEqual(
      all.items.map((c) => c.title),
      ['GHZ 50% done', 'Bell pair'],
    );
    const found = circuitPageSchema.parse(
      (await call('GET', `/circuits?search=${encodeURIComponent('50%')}`, { token: user.token }))
        .json,
    );
    assert.deepEqual(
      found.items.map((c) => c.title),
      ['GHZ 50% done'],
    );
    const none = circuitPageSchema.parse(
      (await call('GET', '/circuits?search=bell%25x', { token: user.token })).json,
    );
    assert.equal(none.total, 0);

    const renamed = await call('PATCH', `/circuits/${saved.id}`, {
      token: user.token,
      body: { title: 'Bell state', qasm: hadamards(4) },
    });
    assert.equal(renamed.status, 200);
    const updated = circuitSchema.parse(renamed.json);
    assert.equal(updated.title, 'Bell state');
    assert.equal(updated.num_qubits, 4);

    assert.equal(
      (await call('DELETE', `/circuits/${saved.id}`, { token: user.token })).status,
      204,
    );
    assert.equal((await call('GET', `/circuits/${saved.id}`, { token: user.token })).status, 404);
  },
);

Deno.test('bad QASM is a 422 naming line and column, and nothing is written', async () => {
  const user = await signUp();
  const bad = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nfoo q[0];\n';
  const reply = await call('POST', '/circuits', {
    token: user.token,
    body: { title: 'x', qasm: bad },
  });
  assert.equal(reply.status, 422);
  const error = errorOf(reply);
  assert.equal(error.code, 'invalid_qasm');
  assert.equal(error.field, 'qasm');
  assert.equal(error.line, 4);
  assert.equal(error.column, 1);
  assert.match(error.message, /line 4, column 1/i);

  const run = await call('POST', '/run', { token: user.token, body: { qasm: bad } });
  assert.equal(run.status, 422);
  assert.equal(errorOf(run).line, 4);

  const saved = await save(user, { title: 'Bell', qasm: BELL });
  const patch = await call('PATCH', `/circuits/${saved.id}`, {
    token: user.token,
    body: { title: 'Changed', qasm: bad },
  });
  assert.equal(patch.status, 422);
  const after = circuitSchema.parse(
    (await call('GET', `/circuits/${saved.id}`, { token: user.token })).json,
  );
  assert.equal(after.title, 'Bell');
  assert.equal(await circuitCount(user.id), 1);
});

Deno.test('other bad input gets a clear error naming the field', async () => {
  const user = await signUp();
  const cases: [string, string, unknown, number, string | undefined][] = [
    ['POST', '/circuits', { title: ' ', qasm: BELL }, 422, 'title'],
    ['POST', '/circuits', { title: 'x', qasm: BELL, visibility: 'secret' }, 422, 'visibility'],
    ['POST', '/circuits', { title: 'x', qasm: BELL, owner_id: user.id }, 400, undefined],
    ['POST', '/circuits', { title: 'x', qasm: 'x'.repeat(LIMITS.qasmBytes + 1) }, 422, 'qasm'],
    ['POST', '/run', { qasm: BELL, shots: 0 }, 422, 'shots'],
    ['POST', '/run', { qasm: BELL, shots: 'many' }, 400, 'shots'],
    ['POST', '/run', { shots: 10 }, 422, 'qasm'],
    ['POST', '/run', { circuit_id: 'nope' }, 422, 'circuit_id'],
    ['PATCH', `/circuits/${crypto.randomUUID()}`, {}, 422, undefined],
  ];
  for (const [method, path, body, status, field] of cases) {
    const reply = await call(method, path, { token: user.token, body });
    assert.equal(reply.status, status, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`);
    assert.equal(errorOf(reply).field, field);
  }
  const malformed = await call('POST', '/run', { token: user.token, rawBody: '{"qasm": ' });
  assert.equal(malformed.status, 400);
  assert.equal(errorOf(malformed).code, 'invalid_json');
  const text = await call('POST', '/run', {
    token: user.token,
    rawBody: BELL,
    contentType: 'text/plain',
  });
  assert.equal(text.status, 415);
  const badId = await call('GET', '/circuits/not-a-uuid', { token: user.token });
  assert.equal(badId.status, 422);
  assert.equal(errorOf(badId).field, 'id');
  assert.equal(await circuitCount(user.id), 0);
});

Deno.test(
  'POST /run computes a Bell pair server-side: 50/50 over 00 and 11, seeded counts',
  async () => {
    const user = await signUp();
    const reply = await call('POST', '/run', {
      token: user.token,
      body: { qasm: BELL, shots: 2000, seed: 7 },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.json));
    const result = runResultSchema.parse(reply.json);
    assert.equal(result.num_qubits, 2);
    assert.equal(result.nonzero_states, 2);
    assert.deepEqual(
      result.top_probabilities.map((p) => p.state),
      ['00', '11'],
    );
    for (const p of result.top_probabilities) assert.ok(Math.abs(p.probability - 0.5) < 1e-12);
    assert.deepEqual(Object.keys(result.counts).sort(), ['00', '11']);
    assert.equal(result.counts['00']! + result.counts['11']!, 2000);
    assert.ok(Math.abs(result.counts['00']! - 1000) < 150, 'counts near 50/50');
    assert.equal(result.run, null);
    const again = runResultSchema.parse(
      (
        await call('POST', '/run', {
          token: user.token,
          body: { qasm: BELL, shots: 2000, seed: 7 },
        })
      ).json,
    );
    assert.deepEqual(again.counts, result.counts);
  },
);

Deno.test(
  'a run of a saved circuit is recorded in its history; another user cannot run or read it',
  async () => {
    const user = await signUp();
    const other = await signUp();
    const circuit = await save(user, { title: 'Bell', qasm: BELL });
    const result = runResultSchema.parse(
      (
        await call('POST', '/run', {
          token: user.token,
          body: { circuit_id: circuit.id, shots: 100 },
        })
      ).json,
    );
    assert.ok(result.run);
    assert.equal(result.run.ran_in, 'server');
    assert.equal(result.run.shots, 100);

    const browserRun = await call('POST', `/circuits/${circuit.id}/runs`, {
      token: user.token,
      body: {
        shots: 10,
        counts: { '00': 6, '11': 4 },
        top_probabilities: [{ state: '00', probability: 0.5 }],
        duration_ms: 1.2,
        engine_version: '0.1.0',
      },
    });
    assert.equal(browserRun.status, 201);
    assert.equal(runSchema.parse(browserRun.json).ran_in, 'browser');

    const history = z
      .object({ items: z.array(runSchema) })
      .parse((await call('GET', `/circuits/${circuit.id}/runs`, { token: user.token })).json);
    assert.deepEqual(
      history.items.map((r) => r.ran_in),
      ['browser', 'server'],
    );

    for (const reply of [
      await call('POST', '/run', { token: other.token, body: { circuit_id: circuit.id } }),
      await call('POST', '/run', {
        token: other.token,
        body: { circuit_id: circuit.id, qasm: BELL },
      }),
      await call('GET', `/circuits/${circuit.id}/runs`, { token: other.token }),
      await call('GET', `/circuits/${circuit.id}`, { token: other.token }),
      await call('DELETE', `/circuits/${circuit.id}`, { token: other.token }),
      await call('PATCH', `/circuits/${circuit.id}`, { token: other.token, body: { title: 'x' } }),
    ]) {
      assert.equal(reply.status, 404);
    }
  },
);

Deno.test(
  'circuits beyond the server limits get 413 with a clear message, and are not run',
  async () => {
    const user = await signUp();
    const wide = await call('POST', '/run', { token: user.token, body: { qasm: hadamards(21) } });
    assert.equal(wide.status, 413);
    assert.equal(errorOf(wide).code, 'circuit_too_large');
    assert.match(errorOf(wide).message, /up to 20 qubits; this circuit has 21/);
    const long = await call('POST', '/run', {
      token: user.token,
      body: { qasm: hadamards(2, LIMITS.serverOperations) },
    });
    assert.equal(long.status, 413);
    assert.match(errorOf(long).message, /up to 2000 gates/);
    const tooMany = await call('POST', '/circuits', {
      token: user.token,
      body: { title: 'too wide', qasm: hadamards(31) },
    });
    assert.equal(tooMany.status, 422);
    assert.equal(errorOf(tooMany).field, 'qasm');
    // A 21-qubit circuit may still be saved (the browser runs it); only running it is refused.
    assert.equal((await save(user, { title: 'wide', qasm: hadamards(21) })).num_qubits, 21);
  },
);

Deno.test(
  'a shared link reads an unlisted circuit signed out; private and unknown links are 404',
  async () => {
    const owner = await signUp();
    const unlisted = await save(owner, { title: 'Teleport', qasm: BELL, visibility: 'unlisted' });
    const privateOne = await save(owner, { title: 'Secret', qasm: BELL });

    const signedOut = await call('GET', `/shared/${unlisted.share_token}`);
    assert.equal(signedOut.status, 200);
    const shared = sharedCircuitSchema.parse(signedOut.json);
    assert.equal(shared.title, 'Teleport');
    assert.equal(shared.qasm, BELL);
    assert.equal('share_token' in (signedOut.json as object), false);
    assert.equal(
      (await call('GET', `/shared/${unlisted.share_token}`, { token: env.supabaseAnonKey })).status,
      200,
    );

    assert.equal((await call('GET', `/shared/${privateOne.share_token}`)).status, 404);
    assert.equal((await call('GET', `/shared/${'A'.repeat(22)}`)).status, 404);
    const malformed = await call('GET', '/shared/short');
    assert.equal(malformed.status, 422);
    assert.equal(errorOf(malformed).field, 'token');

    // Making it private again closes the link.
    await call('PATCH', `/circuits/${unlisted.id}`, {
      token: owner.token,
      body: { visibility: 'private' },
    });
    assert.equal((await call('GET', `/shared/${unlisted.share_token}`)).status, 404);
  },
);

Deno.test('forking a shared circuit copies it, private, into the caller’s account', async () => {
  const owner = await signUp();
  const learner = await signUp();
  const source = await save(owner, { title: 'GHZ', qasm: hadamards(3), visibility: 'unlisted' });

  assert.equal((await call('POST', `/shared/${source.share_token}/fork`)).status, 401);
  const reply = await call('POST', `/shared/${source.share_token}/fork`, { token: learner.token });
  assert.equal(reply.status, 201);
  const fork = circuitSchema.parse(reply.json);
  assert.equal(fork.owner_id, learner.id);
  assert.equal(fork.title, 'GHZ (fork)');
  assert.equal(fork.visibility, 'private');
  assert.equal(fork.forked_from, source.id);
  assert.equal(fork.qasm, source.qasm);
  assert.notEqual(fork.share_token, source.share_token);

  const privateOne = await save(owner, { title: 'Mine', qasm: BELL });
  assert.equal(
    (await call('POST', `/shared/${privateOne.share_token}/fork`, { token: learner.token })).status,
    404,
  );
  assert.equal(forkTitle('x'.repeat(LIMITS.titleLength)).length, LIMITS.titleLength);
});

Deno.test('server runs are rate limited per user with 429 and Retry-After', async () => {
  const user = await signUp();
  let limited: Reply | undefined;
  await clearOfRateWindow(10);
  for (let i = 0; i < 40 && !limited; i++) {
    const reply = await call('POST', '/run', { token: user.token, body: { qasm: BELL, shots: 1 } });
    if (reply.status === 429) limited = reply;
    else assert.equal(reply.status, 200);
  }
  assert.ok(limited, 'no 429 within 40 writes');
  assert.equal(errorOf(limited).code, 'rate_limited');
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
});

Deno.test('every request is logged as one JSON line with its route and status', () => {
  const entry = logged.find(
    (e) => e.message === 'request' && e.route === '/qmlab-api/run' && e.status === 413,
  );
  assert.ok(entry, 'a 413 on /run was logged');
  assert.equal(entry.level, 'warn');
});
