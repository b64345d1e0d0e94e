// public.qmlab_circuits and public.qmlab_runs under RLS: the owner writes; public circuits are
// listable by anyone; unlisted ones are readable only through qmlab_shared_circuit(token), never by
// listing; runs are the owner's private, write-once history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness, TestUser } from './harness.ts';
import {
  CHECK_VIOLATION,
  FOREIGN_KEY_VIOLATION,
  PERMISSION_DENIED,
  RLS_VIOLATION,
} from './repz-fixtures.ts';
import { connectHarness } from './stack.ts';

const BELL = `OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
h q[0];
cx q[0],q[1];
`;

let harness: DbHarness;
let owner: TestUser;
let other: TestUser;
const circuits: Record<'private' | 'unlisted' | 'public', { id: string; token: string }> = {
  private: { id: '', token: '' },
  unlisted: { id: '', token: '' },
  public: { id: '', token: '' },
};
let runId: string;

beforeAll(async () => {
  harness = connectHarness();
  owner = await harness.createUser({ displayName: 'Circuit owner' });
  other = await harness.createUser({ displayName: 'Someone else' });
  for (const visibility of ['private', 'unlisted', 'public'] as const) {
    const { rows } = await harness.admin.query<{ id: string; share_token: string }>(
      `insert into public.qmlab_circuits (owner_id, title, qasm, num_qubits, gate_count, visibility)
       values ($1, $2, $3, 2, 2, $4) returning id, share_token`,
      [owner.id, `Bell (${visibility})`, BELL, visibility],
    );
    circuits[visibility] = { id: rows[0]!.id, token: rows[0]!.share_token };
  }
  const { rows } = await harness.admin.query<{ id: string }>(
    `insert into public.qmlab_runs (circuit_id, owner_id, shots, counts, top_probabilities, duration_ms, engine_version, ran_in)
     values ($1, $2, 100, '{"00": 52, "11": 48}', '[{"state":"00","probability":0.5}]', 1.5, '0.1.0', 'server')
     returning id`,
    [circuits.private.id, owner.id],
  );
  runId = rows[0]!.id;
});

afterAll(async () => {
  await harness?.close();
});

const ALL_IDS = () => [circuits.private.id, circuits.unlisted.id, circuits.public.id];
const listCircuits = 'select title from public.qmlab_circuits where id = any($1) order by title';

describe('qmlab_circuits: structure', () => {
  it('both tables have row level security enabled', async () => {
    const { rows } = await harness.admin.query(
      `select relname, relrowsecurity from pg_class
       where relname in ('qmlab_circuits', 'qmlab_runs') and relnamespace = 'public'::regnamespace
       order by relname`,
    );
    expect(rows).toEqual([
      { relname: 'qmlab_circuits', relrowsecurity: true },
      { relname: 'qmlab_runs', relrowsecurity: true },
    ]);
  });

  it('every new circuit gets its own 22-character URL-safe share token', async () => {
    const { rows } = await harness.admin.query<{ share_token: string }>(
      'select share_token from public.qmlab_circuits where id = any($1)',
      [ALL_IDS()],
    );
    const tokens = rows.map((row) => row.share_token);
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('runs have no update policy and no update grant: they are a record', async () => {
    const { rows } = await harness.admin.query(
      `select count(*)::int as n from pg_policies where tablename = 'qmlab_runs' and cmd = 'UPDATE'`,
    );
    expect(rows).toEqual([{ n: 0 }]);
    await expect(
      harness
        .asUser(owner.id)
        .query('update public.qmlab_runs set shots = 1 where id = $1', [runId]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });
});

describe('qmlab_circuits: the owner', () => {
  it('an owner reads all their circuits, whatever the visibility', async () => {
    expect(await harness.asUser(owner.id).query(listCircuits, [ALL_IDS()])).toEqual([
      { title: 'Bell (private)' },
      { title: 'Bell (public)' },
      { title: 'Bell (unlisted)' },
    ]);
  });

  it('an owner saves a circuit, owned by them by default and private by default', async () => {
    const rows = await harness.asUser(owner.id).query(
      `insert into public.qmlab_circuits (title, qasm, num_qubits) values ('New', $1, 2)
         returning owner_id, visibility, description`,
      [BELL],
    );
    expect(rows).toEqual([{ owner_id: owner.id, visibility: 'private', description: '' }]);
  });

  it('an owner edits and re-shares their circuit, and updated_at moves', async () => {
    const rows = await harness.asUser(owner.id).query<{ moved: boolean }>(
      `update public.qmlab_circuits set title = 'Renamed', visibility = 'public'
         where id = $1 returning title, visibility, updated_at > created_at as moved`,
      [circuits.private.id],
    );
    expect(rows).toEqual([{ title: 'Renamed', visibility: 'public', moved: true }]);
  });

  it('an owner cannot hand a circuit to another user nor choose its share token', async () => {
    await expect(
      harness
        .asUser(owner.id)
        .query('update public.qmlab_circuits set owner_id = $2 where id = $1', [
          circuits.private.id,
          other.id,
        ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(
      harness
        .asUser(owner.id)
        .query(
          `update public.qmlab_circuits set share_token = 'aaaaaaaaaaaaaaaaaaaaaa' where id = $1`,
          [circuits.private.id],
        ),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('an owner deletes a circuit and its runs go with it', async () => {
    const remaining = await harness.asUser(owner.id).run(async (db) => {
      const deleted = await db.query(
        'delete from public.qmlab_circuits where id = $1 returning id',
        [circuits.private.id],
      );
      expect(deleted.rows).toHaveLength(1);
      return (
        await db.query<{ id: string }>('select id from public.qmlab_runs where id = $1', [runId])
      ).rows;
    });
    expect(remaining).toEqual([]);
  });

  it('a circuit has a title of 1–120 visible characters, 1–30 qubits, a known visibility and at most 100 kB of QASM', async () => {
    const attempts: [string, number, string, string][] = [
      [' ', 2, 'private', BELL],
      ['x'.repeat(121), 2, 'private', BELL],
      ['Ok', 0, 'private', BELL],
      ['Ok', 31, 'private', BELL],
      ['Ok', 2, 'secret', BELL],
      ['Ok', 2, 'private', 'x'.repeat(100_001)],
      ['Ok', 2, 'private', ''],
    ];
    for (const [title, qubits, visibility, qasm] of attempts) {
      await expect(
        harness
          .asUser(owner.id)
          .query(
            'insert into public.qmlab_circuits (title, num_qubits, visibility, qasm) values ($1, $2, $3, $4)',
            [title, qubits, visibility, qasm],
          ),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });
});

describe('qmlab_circuits: another user and anon', () => {
  it('another user lists only the public circuit, never the unlisted or private ones', async () => {
    expect(await harness.asUser(other.id).query(listCircuits, [ALL_IDS()])).toEqual([
      { title: 'Bell (public)' },
    ]);
  });

  it('anon lists only the public circuit', async () => {
    expect(await harness.asAnon().query(listCircuits, [ALL_IDS()])).toEqual([
      { title: 'Bell (public)' },
    ]);
  });

  it('another user cannot change or delete the owner’s circuits, even the public one', async () => {
    const session = harness.asUser(other.id);
    expect(
      await session.query(
        `update public.qmlab_circuits set title = 'Mine now' where id = any($1) returning id`,
        [ALL_IDS()],
      ),
    ).toEqual([]);
    expect(
      await session.query('delete from public.qmlab_circuits where id = any($1) returning id', [
        ALL_IDS(),
      ]),
    ).toEqual([]);
  });

  it('a user cannot save a circuit in someone else’s name', async () => {
    await expect(
      harness
        .asUser(other.id)
        .query(
          `insert into public.qmlab_circuits (owner_id, title, qasm, num_qubits) values ($1, 'x', $2, 2)`,
          [owner.id, BELL],
        ),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('anon cannot write circuits at all', async () => {
    await expect(
      harness
        .asAnon()
        .query(`insert into public.qmlab_circuits (title, qasm, num_qubits) values ('x', $1, 2)`, [
          BELL,
        ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });
});

describe('qmlab_shared_circuit(token)', () => {
  const shared = 'select title, visibility, owner_name from public.qmlab_shared_circuit($1)';

  it('anyone with the token reads an unlisted circuit and its owner’s name, signed in or not', async () => {
    for (const session of [harness.asAnon(), harness.asUser(other.id)]) {
      expect(await session.query(shared, [circuits.unlisted.token])).toEqual([
        { title: 'Bell (unlisted)', visibility: 'unlisted', owner_name: 'Circuit owner' },
      ]);
    }
  });

  it('a public circuit is readable by its token too', async () => {
    expect(await harness.asAnon().query(shared, [circuits.public.token])).toHaveLength(1);
  });

  it('a private circuit’s token and an unknown token give nothing', async () => {
    for (const token of [circuits.private.token, 'AAAAAAAAAAAAAAAAAAAAAA', '']) {
      expect(await harness.asAnon().query(shared, [token])).toEqual([]);
    }
  });
});

describe('qmlab_runs', () => {
  const insertRun = `insert into public.qmlab_runs
    (circuit_id, owner_id, shots, counts, top_probabilities, duration_ms, engine_version, ran_in)
    values ($1, $2, $3, $4, '[]', 2, '0.1.0', $5) returning owner_id`;

  it('an owner records and reads runs of their circuit', async () => {
    const session = harness.asUser(owner.id);
    expect(
      await session.query(insertRun, [circuits.public.id, owner.id, 10, { '00': 10 }, 'browser']),
    ).toEqual([{ owner_id: owner.id }]);
    expect(
      await session.query('select shots from public.qmlab_runs where id = $1', [runId]),
    ).toEqual([{ shots: 100 }]);
  });

  it('another user neither reads the owner’s runs nor records runs on the owner’s circuits', async () => {
    const session = harness.asUser(other.id);
    expect(await session.query('select id from public.qmlab_runs where id = $1', [runId])).toEqual(
      [],
    );
    await expect(
      session.query(insertRun, [circuits.public.id, other.id, 10, { '00': 10 }, 'browser']),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    await expect(
      session.query(insertRun, [circuits.public.id, owner.id, 10, { '00': 10 }, 'browser']),
    ).rejects.toMatchObject(RLS_VIOLATION);
  });

  it('anon cannot read runs', async () => {
    await expect(
      harness.asAnon().query('select id from public.qmlab_runs where id = $1', [runId]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('a run has 1–100000 shots, counts as an object and a known place it ran', async () => {
    const attempts: [number, unknown, string][] = [
      [0, { '0': 1 }, 'server'],
      [100_001, { '0': 1 }, 'server'],
      [10, ['0'], 'server'],
      [10, { '0': 10 }, 'cloud'],
    ];
    for (const [shots, counts, ranIn] of attempts) {
      await expect(
        harness
          .asUser(owner.id)
          .query(insertRun, [circuits.public.id, owner.id, shots, JSON.stringify(counts), ranIn]),
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });
});

describe('qmlab write budget (platform rate limit)', () => {
  const insertCircuit = `insert into public.qmlab_circuits (title, qasm, num_qubits) values ('x', $1, 2) returning id`;

  it('30 circuit writes a minute on /rest/v1 as on qmlab-api, then PT429', async () => {
    await harness.asUser(other.id).run(async (db) => {
      for (let i = 0; i < 30; i++) await db.query(insertCircuit, [BELL]);
      await expect(db.query(insertCircuit, [BELL])).rejects.toMatchObject({ code: 'PT429' });
    });
  });

  it('deleting a circuit spends one write, not one per run it cascades to', async () => {
    await harness.asUser(owner.id).run(async (db) => {
      const { rows } = await db.query<{ id: string }>(insertCircuit, [BELL]);
      const id = rows[0]!.id;
      for (let i = 0; i < 20; i++) {
        await db.query(
          `insert into public.qmlab_runs (circuit_id, shots, counts, top_probabilities, duration_ms, engine_version, ran_in)
           values ($1, 1, '{"00": 1}', '[]', 1, '0.1.0', 'browser')`,
          [id],
        );
      }
      // 21 writes so far; the delete is the 22nd, well inside the budget of 30.
      await db.query('delete from public.qmlab_circuits where id = $1', [id]);
      // Asking the budget spends the 23rd write: 7 remain.
      const { rows: left } = await db.query(
        `select remaining from public.consume_rate_limit('qmlab-api', 'write')`,
      );
      expect(left).toEqual([{ remaining: 7 }]);
    });
  });
});

describe('QMLab seed', () => {
  it('the demo user has example circuits with runs, and the public one is listable by anon', async () => {
    const demo = '00000000-0000-4000-8000-000000000001';
    const rows = await harness.asUser(demo).query<{ title: string; runs: number }>(
      `select c.title, (select count(*)::int from public.qmlab_runs r where r.circuit_id = c.id) as runs
       from public.qmlab_circuits c where c.owner_id = $1 order by c.title`,
      [demo],
    );
    expect(rows).toEqual([
      { title: 'Bell pair', runs: 2 },
      { title: 'Grover search (3 qubits)', runs: 1 },
      { title: 'Teleportation', runs: 1 },
    ]);
    expect(
      await harness
        .asAnon()
        .query(`select title from public.qmlab_circuits where owner_id = $1`, [demo]),
    ).toEqual([{ title: 'Bell pair' }]);
  });
});
