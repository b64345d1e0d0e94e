// The platform rate limit: private.consume_rate_limit counts per user and (function, bucket)
// with the limits of private.rate_limit_policies; REPZ's write budget holds on every path to its
// writes (repz-api, /rest/v1/rpc/*, /rest/v1/<table>) and its list cap on the RPC path too.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createNodeClient } from '@alawein/local-supabase/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHarness, type TestUser, userClaims } from './harness.ts';
import { actAs, PERMISSION_DENIED } from './repz-fixtures.ts';
import { connectHarness, testStack } from './stack.ts';

let harness: DbHarness;
let alice: TestUser;
let bob: TestUser;

interface Verdict {
  allowed: boolean;
  remaining: number;
  retry_after_seconds: number;
}

beforeAll(async () => {
  harness = connectHarness();
  alice = await harness.createUser();
  bob = await harness.createUser();
});

afterAll(async () => {
  await harness?.close();
});

async function consume(
  db: pg.PoolClient,
  bucket: string,
  times = 1,
  functionName = 'repz-api',
): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (let i = 0; i < times; i += 1) {
    const { rows } = await db.query<Verdict>('select * from public.consume_rate_limit($1, $2)', [
      functionName,
      bucket,
    ]);
    verdicts.push(rows[0]!);
  }
  return verdicts;
}

/** Waits until at least `seconds` remain in the current minute, so one window holds a test. */
async function clearOfWindowBoundary(seconds: number): Promise<void> {
  const now = new Date();
  const second = now.getUTCSeconds() + now.getUTCMilliseconds() / 1000;
  if (second > 60 - seconds)
    await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

// Each session is one transaction, so now() — and with it the window — stays put.
describe('consume_rate_limit', () => {
  it('repz-api write: 20 a minute, then refused with a Retry-After within the minute', async () => {
    const verdicts = await harness.asUser(alice.id).run((db) => consume(db, 'write', 22));
    expect(verdicts.slice(0, 20).every((v) => v.allowed && v.retry_after_seconds === 0)).toBe(true);
    expect(verdicts.slice(0, 20).map((v) => v.remaining)).toEqual(
      Array.from({ length: 20 }, (_, i) => 19 - i),
    );
    for (const refused of verdicts.slice(20)) {
      expect(refused).toMatchObject({ allowed: false, remaining: 0 });
      expect(refused.retry_after_seconds).toBeGreaterThanOrEqual(1);
      expect(refused.retry_after_seconds).toBeLessThanOrEqual(60);
    }
  });

  it('repz-api read: 100 a minute, a budget separate from writes', async () => {
    const verdicts = await harness.asUser(alice.id).run(async (db) => {
      await consume(db, 'write', 21);
      return consume(db, 'read', 101);
    });
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(100);
    expect(verdicts[99]).toMatchObject({ allowed: true, remaining: 0 });
    expect(verdicts[100]).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('budgets are per user: one user running out leaves another’s untouched', async () => {
    const bobsFirst = await harness.asUser(alice.id).run(async (db) => {
      await consume(db, 'write', 21);
      await actAs(db, bob.id);
      return consume(db, 'write');
    });
    expect(bobsFirst).toEqual([{ allowed: true, remaining: 19, retry_after_seconds: 0 }]);
  });

  it('the limits are the policy table’s, per function and bucket', async () => {
    const db = await harness.admin.connect();
    try {
      await db.query('begin');
      await db.query(
        `insert into private.rate_limit_policies (function_name, bucket, max_hits, window_seconds)
         values ('platform-test', 'burst', 2, 5)`,
      );
      await db.query(
        `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`,
        [JSON.stringify(userClaims(alice.id))],
      );
      const verdicts = await consume(db, 'burst', 3, 'platform-test');
      expect(verdicts.map((v) => v.allowed)).toEqual([true, true, false]);
      expect(verdicts[2]!.retry_after_seconds).toBeGreaterThanOrEqual(1);
      expect(verdicts[2]!.retry_after_seconds).toBeLessThanOrEqual(5);
    } finally {
      await db.query('rollback');
      db.release();
    }
  });

  it('the count holds across requests (separate, committed transactions)', async () => {
    await clearOfWindowBoundary(2);
    const committed = async (): Promise<Verdict> => {
      const db = await harness.admin.connect();
      try {
        await db.query('begin');
        await db.query(
          `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`,
          [JSON.stringify(userClaims(bob.id))],
        );
        const [verdict] = await consume(db, 'write');
        await db.query('commit');
        return verdict!;
      } finally {
        db.release();
      }
    };
    const first = await committed();
    const next = await committed();
    expect(next.remaining).toBe(first.remaining - 1);
  });

  it('a function or bucket without a policy is refused, naming the bucket', async () => {
    for (const [fn, bucket] of [
      ['repz-api', 'delete'],
      ['nope-api', 'read'],
    ]) {
      await expect(
        harness
          .asUser(alice.id)
          .query('select * from public.consume_rate_limit($1, $2)', [fn, bucket]),
      ).rejects.toMatchObject({ code: '22023', hint: 'bucket' });
    }
  });

  it('anon cannot call it', async () => {
    await expect(
      harness.asAnon().query(`select * from public.consume_rate_limit('repz-api', 'read')`),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('users cannot read, reset or raise the counters and policies', async () => {
    for (const sql of [
      'select * from private.rate_limit_hits',
      'delete from private.rate_limit_hits',
      'update private.rate_limit_hits set hits = 0',
      'select * from private.rate_limit_policies',
      'update private.rate_limit_policies set max_hits = 1000000',
      `select private.rate_limit_trigger()`,
    ]) {
      await expect(harness.asUser(alice.id).query(sql)).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});

// Over HTTP, as a client would: the stack's repz-api and its REST API, one signed-in user.
describe('repz-api budgets on every path', () => {
  let bench: string;

  async function signedUp(): Promise<{ client: SupabaseClient; token: string; id: string }> {
    const { url, anonKey } = testStack();
    const client = createNodeClient(url, anonKey);
    const { data, error } = await client.auth.signUp({
      email: `rate-${randomUUID()}@example.com`,
      password: 'correct horse battery',
    });
    if (error || !data.session || !data.user) throw error ?? new Error('no session');
    return { client, token: data.session.access_token, id: data.user.id };
  }

  function callFunction(token: string, method: string, path: string, body?: unknown) {
    const { url, anonKey } = testStack();
    return fetch(`${url}/functions/v1/repz-api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        apikey: anonKey,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  function workout(name: string) {
    return {
      performed_at: '2026-11-20T18:30:00Z',
      name,
      sets: [{ exercise_id: bench, reps: 5, weight_kg: 100 }],
    };
  }

  beforeAll(async () => {
    const { rows } = await harness.admin.query<{ id: string }>(
      `select id from public.repz_exercises where owner_id is null and name = 'Barbell Bench Press'`,
    );
    bench = rows[0]!.id;
  });

  it('20 writes a minute shared by repz-api, /rest/v1/rpc and /rest/v1/<table>, then 429 on each', async () => {
    const user = await signedUp();
    // The function's first request starts its worker; keep that out of the measured minute.
    expect((await callFunction(user.token, 'GET', '/health')).status).toBe(200);
    await clearOfWindowBoundary(20);

    for (let i = 0; i < 8; i += 1) {
      const res = await callFunction(user.token, 'POST', '/workouts', workout(`api ${i}`));
      expect(res.status, `function write ${i + 1}`).toBe(201);
    }
    for (let i = 0; i < 8; i += 1) {
      const { error } = await user.client.rpc('repz_save_workout', {
        workout: workout(`rpc ${i}`),
      });
      expect(error, `rpc write ${i + 1}`).toBeNull();
    }
    // One bulk insert of four rows spends four writes.
    const bulk = await user.client.from('repz_workouts').insert(
      Array.from({ length: 4 }, (_, i) => ({
        performed_at: new Date().toISOString(),
        name: `rest ${i}`,
      })),
    );
    expect(bulk.error).toBeNull();

    const viaFunction = await callFunction(user.token, 'POST', '/workouts', workout('one more'));
    expect(viaFunction.status).toBe(429);
    const body = (await viaFunction.json()) as { error: { code: string } };
    expect(body.error.code).toBe('rate_limited');
    const retryAfter = Number(viaFunction.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const viaRpc = await user.client.rpc('repz_save_workout', { workout: workout('one more') });
    expect(viaRpc.status).toBe(429);
    expect(viaRpc.error?.code).toBe('PT429');
    const viaTable = await user.client
      .from('repz_workouts')
      .insert({ performed_at: new Date().toISOString(), name: 'one more' });
    expect(viaTable.status).toBe(429);
    const { rows: kept } = await harness.admin.query<{ count: string }>(
      'select count(*) from public.repz_workouts where owner_id = $1',
      [user.id],
    );
    expect(Number(kept[0]!.count)).toBe(20);
    // Reads keep their own budget.
    expect((await callFunction(user.token, 'GET', '/workouts?limit=1')).status).toBe(200);
    await harness.admin.query('delete from auth.users where id = $1', [user.id]);
  });

  it('the 100-row list cap holds on repz-api and on /rest/v1/rpc/repz_list_workouts', async () => {
    const user = await signedUp();
    const viaFunction = await callFunction(user.token, 'GET', '/workouts?limit=100000');
    expect(viaFunction.status).toBe(422);
    expect(((await viaFunction.json()) as { error: { field: string } }).error.field).toBe('limit');
    for (const [page_limit, page_offset, field] of [
      [100_000, 0, 'limit'],
      [0, 0, 'limit'],
      [20, -1, 'offset'],
    ] as const) {
      const { error } = await user.client.rpc('repz_list_workouts', {
        tz: 'UTC',
        page_limit,
        page_offset,
      });
      expect(error).toMatchObject({ code: '22023', hint: field });
    }
    const largest = await user.client.rpc('repz_list_workouts', { tz: 'UTC', page_limit: 100 });
    expect(largest.error).toBeNull();
    expect(largest.data).toEqual({ total: 0, items: [] });
    await harness.admin.query('delete from auth.users where id = $1', [user.id]);
  });
});
