// public.simcore_simulations and public.simcore_results under RLS: the owner alone reads and
// writes; a shared run is readable through its token (simcore_shared_run) and in no other way;
// the lifecycle, the size bounds and the quotas hold for a direct REST caller too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHarness, TestUser } from './harness.ts';
import { connectHarness } from './stack.ts';

const PERMISSION_DENIED = { code: '42501' };
const CHECK_VIOLATION = { code: '23514' };
const QUOTA_EXCEEDED = { code: '53400' };
const BAD_TRANSITION = { code: '55000' };

let harness: DbHarness;
let owner: TestUser;
let stranger: TestUser;
let runId: string;
let strangerRunId: string;
let shareToken: string;

const summary = { meanAbsMagnetization: 0.98, meanEnergyPerSpin: -1.99 };
const series = { sweep: [1, 2, 3], magnetization: [0.9, 0.95, 0.97] };

async function insertRun(ownerId: string, status: 'queued' | 'completed' = 'queued') {
  const { rows } = await harness.admin.query<{ id: string }>(
    `insert into public.simcore_simulations (owner_id, module, title, params, seed, engine_version)
     values ($1, 'ising', 'Ising T=1.5', '{"size":32,"temperature":1.5}', 7, '0.1.0') returning id`,
    [ownerId],
  );
  const id = rows[0]!.id;
  if (status === 'completed') {
    await harness.admin.query(
      `update public.simcore_simulations set status = 'running' where id = $1`,
      [id],
    );
    await harness.admin.query(
      `update public.simcore_simulations set status = 'completed', compute_ms = 120 where id = $1`,
      [id],
    );
    await harness.admin.query(
      `insert into public.simcore_results (simulation_id, owner_id, summary, series) values ($1, $2, $3, $4)`,
      [id, ownerId, summary, series],
    );
  }
  return id;
}

beforeAll(async () => {
  harness = connectHarness();
  owner = await harness.createUser();
  stranger = await harness.createUser();
  runId = await insertRun(owner.id, 'completed');
  strangerRunId = await insertRun(stranger.id);
  const { rows } = await harness.admin.query<{ token: string }>(
    `update public.simcore_simulations
       set share_token = 'AbCdEfGhIjKlMnOpQrStUv_-', shared_at = now()
     where id = $1 returning share_token as token`,
    [runId],
  );
  shareToken = rows[0]!.token;
});

afterAll(async () => {
  await harness?.close();
});

describe('simcore runs: the owner', () => {
  it('an owner reads their runs and results, and only theirs', async () => {
    const session = harness.asUser(owner.id);
    const runs = await session.query('select id from public.simcore_simulations');
    expect(runs).toEqual([{ id: runId }]);
    const results = await session.query(
      'select simulation_id, summary from public.simcore_results',
    );
    expect(results).toEqual([{ simulation_id: runId, summary }]);
  });

  it('an owner creates a queued run owned by them, and takes it through its lifecycle', async () => {
    const states = await harness.asUser(owner.id).run(async (db) => {
      const created = await db.query<{ id: string; status: string; started_at: Date | null }>(
        `insert into public.simcore_simulations (module, title, params, engine_version)
         values ('graphene', 'Bands', '{"hopping":1}', '0.1.0') returning id, status, started_at, owner_id`,
      );
      const id = created.rows[0]!.id;
      const started = await db.query<{ status: string; started: boolean }>(
        `update public.simcore_simulations set status = 'running' where id = $1
         returning status, started_at is not null as started`,
        [id],
      );
      const finished = await db.query<{ run: Record<string, unknown> }>(
        `select public.simcore_finish_run($1, 'completed', 0.5, 42, $2, $3) as run`,
        [id, { energyAtK: 0 }, { k: [0, 1] }],
      );
      return { created: created.rows[0], started: started.rows[0], finished: finished.rows[0] };
    });
    expect(states.created).toMatchObject({
      status: 'queued',
      started_at: null,
      owner_id: owner.id,
    });
    expect(states.started).toEqual({ status: 'running', started: true });
    expect(states.finished).toMatchObject({
      run: { status: 'completed', progress: 1, computeMs: 42, summary: { energyAtK: 0 } },
    });
  });

  it('an ended run never changes status again, and a queued run cannot jump to completed', async () => {
    await expect(
      harness
        .asUser(owner.id)
        .query(`update public.simcore_simulations set status = 'running' where id = $1`, [runId]),
    ).rejects.toMatchObject(BAD_TRANSITION);
    await expect(
      harness.asUser(owner.id).run(async (db) => {
        const { rows } = await db.query<{ id: string }>(
          `insert into public.simcore_simulations (module, title, params, engine_version)
           values ('ising', 'x', '{}', '0.1.0') returning id`,
        );
        await db.query(`update public.simcore_simulations set status = 'completed' where id = $1`, [
          rows[0]!.id,
        ]);
      }),
    ).rejects.toMatchObject(BAD_TRANSITION);
  });

  it('an owner renames and deletes a run; its result goes with it', async () => {
    const left = await harness.asUser(owner.id).run(async (db) => {
      await db.query(
        `update public.simcore_simulations set title = 'Ordered phase' where id = $1`,
        [runId],
      );
      await db.query('delete from public.simcore_simulations where id = $1', [runId]);
      return (
        await db.query<{ one: number }>(
          'select 1 as one from public.simcore_results where simulation_id = $1',
          [runId],
        )
      ).rows;
    });
    expect(left).toEqual([]);
  });

  it('an owner cannot hand a run to another user, nor set its share token directly', async () => {
    await expect(
      harness
        .asUser(owner.id)
        .query('update public.simcore_simulations set owner_id = $2 where id = $1', [
          runId,
          stranger.id,
        ]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(
      harness
        .asUser(owner.id)
        .query(`update public.simcore_simulations set share_token = 'x' where id = $1`, [runId]),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('a run has a module id, a title of 1 to 120 characters, object params of at most 16 KB and a semver engine', async () => {
    const attempts: [string, string, string, string][] = [
      ['Ising', 'ok', '{}', '0.1.0'],
      ['ising', ' ', '{}', '0.1.0'],
      ['ising', 'x'.repeat(121), '{}', '0.1.0'],
      ['ising', 'ok', '[1,2]', '0.1.0'],
      ['ising', 'ok', JSON.stringify({ blob: 'x'.repeat(17000) }), '0.1.0'],
      ['ising', 'ok', '{}', 'latest'],
    ];
    for (const [module, title, params, engine] of attempts) {
      await expect(
        harness
          .asUser(owner.id)
          .query(
            `insert into public.simcore_simulations (module, title, params, engine_version) values ($1, $2, $3, $4)`,
            [module, title, params, engine],
          ),
        `${module} / ${title.slice(0, 10)} / ${params.slice(0, 10)} / ${engine}`,
      ).rejects.toMatchObject(CHECK_VIOLATION);
    }
  });

  it('a result larger than 2 MB is refused', async () => {
    const id = await insertRun(owner.id);
    await expect(
      harness.asUser(owner.id).run(async (db) => {
        await db.query(`update public.simcore_simulations set status = 'running' where id = $1`, [
          id,
        ]);
        await db.query(`select public.simcore_finish_run($1, 'completed', 1, 10, $2, $3)`, [
          id,
          {},
          { values: Array.from({ length: 300_000 }, (_, i) => i + 0.123456) },
        ]);
      }),
    ).rejects.toMatchObject(CHECK_VIOLATION);
  });
});

describe('simcore runs: another user and anon', () => {
  it('another user reads none of the owner’s runs or results, shared or not', async () => {
    const session = harness.asUser(stranger.id);
    expect(await session.query('select id from public.simcore_simulations')).toEqual([
      { id: strangerRunId },
    ]);
    expect(await session.query('select 1 from public.simcore_results')).toEqual([]);
  });

  it('another user can neither update, delete nor attach a result to the owner’s run', async () => {
    const session = harness.asUser(stranger.id);
    expect(
      await session.query(
        `update public.simcore_simulations set title = 'mine' where id = $1 returning id`,
        [runId],
      ),
    ).toEqual([]);
    expect(
      await session.query('delete from public.simcore_simulations where id = $1 returning id', [
        runId,
      ]),
    ).toEqual([]);
    await expect(
      session.query(
        `insert into public.simcore_results (simulation_id, owner_id, summary, series) values ($1, $2, '{}', '{}')`,
        [runId, owner.id],
      ),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(
      session.query(`select public.simcore_finish_run($1, 'stopped', 0.5, 10)`, [runId]),
    ).rejects.toMatchObject({ code: 'P0002' });
    await expect(
      session.query(`select public.simcore_set_sharing($1, true)`, [runId]),
    ).rejects.toMatchObject({ code: 'P0002' });
  });

  it('anon reads no table and cannot list shared runs', async () => {
    await expect(
      harness.asAnon().query('select 1 from public.simcore_simulations'),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(
      harness.asAnon().query('select 1 from public.simcore_results'),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });
});

describe('simcore sharing', () => {
  it('anyone with the token, signed out or not, reads the shared run with its series but not its owner', async () => {
    for (const session of [harness.asAnon(), harness.asUser(stranger.id)]) {
      const [row] = await session.query<{ run: Record<string, unknown> }>(
        'select public.simcore_shared_run($1) as run',
        [shareToken],
      );
      expect(row!.run).toMatchObject({ id: runId, module: 'ising', summary, series });
      expect(row!.run).not.toHaveProperty('owner_id');
      expect(row!.run).not.toHaveProperty('shared');
    }
  });

  it('a wrong, malformed or unshared token reads nothing', async () => {
    for (const token of ['AbCdEfGhIjKlMnOpQrStUv_X', '%', '', 'AbCdEfGhIjKlMnOpQrStUv_-x']) {
      const [row] = await harness
        .asAnon()
        .query<{ run: unknown }>('select public.simcore_shared_run($1) as run', [token]);
      expect(row!.run, token).toBeNull();
    }
    const [row] = await harness.asAnon().run(async (db) => {
      await db.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: owner.id, role: 'authenticated' }),
      ]);
      await db.query('set local role authenticated');
      await db.query('select public.simcore_set_sharing($1, false)', [runId]);
      await db.query('set local role anon');
      return (
        await db.query<{ run: unknown }>('select public.simcore_shared_run($1) as run', [
          shareToken,
        ])
      ).rows;
    });
    expect(row).toEqual({ run: null });
  });

  it('the owner shares a run with a fresh 24-character token, kept when shared again', async () => {
    const tokens = await harness.asUser(owner.id).run(async (db) => {
      const id = (
        await db.query<{ id: string }>(
          `insert into public.simcore_simulations (module, title, params, engine_version)
           values ('llg', 'Spin', '{}', '0.1.0') returning id`,
        )
      ).rows[0]!.id;
      const first = await db.query<{ t: string }>(
        'select public.simcore_set_sharing($1, true) as t',
        [id],
      );
      const again = await db.query<{ t: string }>(
        'select public.simcore_set_sharing($1, true) as t',
        [id],
      );
      return [first.rows[0]!.t, again.rows[0]!.t];
    });
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(tokens[1]).toBe(tokens[0]);
  });
});

describe('simcore quotas', () => {
  it('the 501st run of a user is refused with quota_exceeded naming the run limit', async () => {
    const user = await harness.createUser();
    await harness.admin.query(
      `insert into public.simcore_simulations (owner_id, module, title, params, engine_version)
       select $1, 'ising', 'run ' || n, '{}', '0.1.0' from generate_series(1, 500) n`,
      [user.id],
    );
    await expect(
      harness
        .asUser(user.id)
        .query(
          `insert into public.simcore_simulations (module, title, params, engine_version) values ('ising', 'one more', '{}', '0.1.0')`,
        ),
    ).rejects.toMatchObject({
      ...QUOTA_EXCEEDED,
      message: expect.stringContaining('500 runs') as unknown,
      hint: 'runs',
    });
  });

  it('a result beyond 100 MB of stored results is refused with quota_exceeded naming the storage limit', async () => {
    const user = await harness.createUser();
    const id = await insertRun(user.id);
    // Earlier results that fill the quota exactly (100 MiB), written with triggers off in this
    // one transaction so their size_bytes are taken as given instead of measured.
    const db = await harness.admin.connect();
    try {
      await db.query('begin');
      await db.query('set local session_replication_role = replica');
      await db.query(
        `with runs as (
           insert into public.simcore_simulations (owner_id, module, title, params, engine_version)
           select $1, 'ising', 'filler ' || n, '{}', '0.1.0' from generate_series(1, 53) n
           returning id, owner_id, title)
         insert into public.simcore_results (simulation_id, owner_id, summary, series, size_bytes)
         select id, owner_id, '{}', '{}',
                case when title = 'filler 53' then 104857600 - 52 * 2000000 else 2000000 end
         from runs`,
        [user.id],
      );
      await db.query('commit');
    } finally {
      db.release();
    }
    await expect(
      harness.asUser(user.id).run(async (db) => {
        await db.query(`update public.simcore_simulations set status = 'running' where id = $1`, [
          id,
        ]);
        await db.query(`select public.simcore_finish_run($1, 'completed', 1, 10, $2, $3)`, [
          id,
          summary,
          series,
        ]);
      }),
    ).rejects.toMatchObject({
      ...QUOTA_EXCEEDED,
      message: expect.stringContaining('100 MB') as unknown,
      hint: 'storage',
    });
  });
});

describe('simcore demo data', () => {
  it('the demo user has saved runs with real results, Ising ordered below T_c and not above', async () => {
    const rows = await harness
      .asUser('00000000-0000-4000-8000-000000000001')
      .query<{ title: string; m: number }>(
        `select s.title, (r.summary ->> 'meanAbsMagnetization')::float8 as m
         from public.simcore_simulations s join public.simcore_results r on r.simulation_id = s.id
         where s.module = 'ising' order by (s.params ->> 'temperature')::float8`,
      );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]!.m).toBeGreaterThan(0.95);
    expect(rows[rows.length - 1]!.m).toBeLessThan(0.3);
  });
});

describe('simcore write budget', () => {
  it('the 61st run written in a minute is refused with PT429, on the REST path as through the API', async () => {
    const user = await harness.createUser();
    const code = await harness.asUser(user.id).run(async (db) => {
      await db.query(
        `insert into public.simcore_simulations (module, title, params, engine_version)
         select 'ising', 'run ' || n, '{}', '0.1.0' from generate_series(1, 60) n`,
      );
      try {
        await db.query(
          `insert into public.simcore_simulations (module, title, params, engine_version)
           values ('ising', 'one more', '{}', '0.1.0')`,
        );
        return 'allowed';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    });
    expect(code).toBe('PT429');
  });
});
