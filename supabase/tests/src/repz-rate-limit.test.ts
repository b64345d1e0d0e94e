// public.repz_consume_rate_limit(): repz-api's per-user budgets (20 writes and 100 reads a minute),
// counted in the database so every function instance shares them.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHarness, type TestUser, userClaims } from './harness.ts';
import { actAs, PERMISSION_DENIED } from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

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

async function consume(db: pg.PoolClient, kind: string, times = 1): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (let i = 0; i < times; i += 1) {
    const { rows } = await db.query<Verdict>('select * from public.repz_consume_rate_limit($1)', [
      kind,
    ]);
    verdicts.push(rows[0]!);
  }
  return verdicts;
}

// Each session is one transaction, so now() — and with it the one-minute window — stays put.
describe('repz_consume_rate_limit', () => {
  it('a user gets 20 writes a minute, then is refused with a Retry-After within the minute', async () => {
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

  it('a user gets 100 reads a minute, a budget separate from writes', async () => {
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

  it('the count holds across requests (separate, committed transactions)', async () => {
    // A window boundary between the two calls would reset the count; start clear of one.
    const second = new Date().getUTCSeconds() + new Date().getUTCMilliseconds() / 1000;
    if (second > 58) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
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

  it('only read and write are budgets', async () => {
    await expect(
      harness
        .asUser(alice.id)
        .query('select * from public.repz_consume_rate_limit($1)', ['delete']),
    ).rejects.toMatchObject({
      code: '22023',
      hint: 'kind',
    });
  });

  it('anon cannot call it', async () => {
    await expect(
      harness.asAnon().query(`select * from public.repz_consume_rate_limit('read')`),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('users cannot read or reset the counters themselves', async () => {
    for (const sql of [
      'select * from private.repz_rate_limits',
      'delete from private.repz_rate_limits',
      `update private.repz_rate_limits set hits = 0`,
    ]) {
      await expect(harness.asUser(alice.id).query(sql)).rejects.toMatchObject(PERMISSION_DENIED);
    }
  });
});
