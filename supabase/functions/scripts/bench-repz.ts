// REPZ read paths under load-shaped data: one lifter with 10 000 sets among 100 users (≈109 000
// sets in all). Prints p50/p95 of GET /progress and GET /stats at the database (the SQL the
// function runs, as that user under RLS) and through the gateway and repz-api (real Deno).
// Usage: pnpm --filter @alawein/functions bench:repz        Targets: ≤ 20 ms (database), ≤ 50 ms (function).
import pg from 'pg';
import { withRequestTransaction } from '@alawein/local-supabase';
import { createNodeClient, startTestStack } from '@alawein/local-supabase/testing';

const OTHER_USERS = 99;
const MAIN_SETS = 10_000;
const OTHER_SETS = 1_000;
const RUNS = 200;
const TZ = 'Europe/Paris';

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function describe(label: string, samples: number[]): string {
  return `${label.padEnd(34)} p50 ${percentile(samples, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(2).padStart(7)} ms`;
}

/** `sets` sets for `owner` over the last two years: 10 sets a workout, 20 exercises in rotation. */
async function seedSets(db: pg.Pool, owner: string, sets: number): Promise<void> {
  await db.query(
    `with ex as (select array_agg(id order by name) as ids from public.repz_exercises where owner_id is null),
     w as (
       insert into public.repz_workouts (owner_id, performed_at, name)
       select $1, now() - (g * interval '17 hours'), 'Session ' || g from generate_series(1, $2::int / 10) g
       returning id, owner_id
     )
     insert into public.repz_workout_sets (workout_id, owner_id, exercise_id, set_number, reps, weight_kg, rpe)
     select w.id, w.owner_id, ex.ids[1 + (abs(hashtext(w.id::text)) + s) % 20], s, 3 + s % 8, 40 + (s * 7) % 120, 7 + (s % 3)
     from w, ex, generate_series(1, 10) s`,
    [owner, sets],
  );
}

async function main(): Promise<void> {
  const stack = await startTestStack();
  if (!stack.dbUrl) throw new Error('the benchmark needs the database URL (SUPABASE_TEST_DB_URL)');
  const admin = new pg.Pool({ connectionString: stack.dbUrl, max: 2 });
  const authenticator = new URL(stack.dbUrl);
  authenticator.username = 'authenticator';
  const api = new pg.Pool({ connectionString: authenticator.toString(), max: 2 });
  try {
    const client = createNodeClient(stack.url, stack.anonKey);
    const { data, error } = await client.auth.signUp({
      email: `bench-${Date.now()}@example.test`,
      password: 'bench-password-1',
    });
    if (error || !data.user || !data.session) throw error ?? new Error('no session');
    const me = data.user.id;
    const token = data.session.access_token;

    const others = await admin.query<{ id: string }>(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
              'other-' || g || '@example.test', '', '{"provider":"email","providers":["email"]}', '{}', now(), now()
       from generate_series(1, $1::int) g returning id`,
      [OTHER_USERS],
    );
    const started = performance.now();
    await seedSets(admin, me, MAIN_SETS);
    for (const { id } of others.rows) await seedSets(admin, id, OTHER_SETS);
    await admin.query('analyze');
    const total = await admin.query<{ n: string }>(
      'select count(*) as n from public.repz_workout_sets',
    );
    const exercise = await admin.query<{ exercise_id: string; n: string }>(
      `select exercise_id, count(*) as n from public.repz_workout_sets where owner_id = $1 group by 1 order by 2 desc limit 1`,
      [me],
    );
    const exerciseId = exercise.rows[0]!.exercise_id;
    console.log(
      `seeded ${total.rows[0]!.n} sets (${MAIN_SETS} for the measured user, ${exercise.rows[0]!.n} of the charted exercise) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const claims = { sub: me, role: 'authenticated', aud: 'authenticated' };
    const asUser = (sql: string, params: unknown[]) =>
      withRequestTransaction(
        api,
        {
          auth: { role: 'authenticated', claims, token: '' },
          method: 'POST',
          path: '/rpc',
          headers: {},
          readOnly: true,
        },
        (c) => c.query(sql, params),
      );
    const measure = async (work: () => Promise<unknown>): Promise<number[]> => {
      for (let i = 0; i < 10; i += 1) await work(); // warm caches and plans
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const t0 = performance.now();
        await work();
        samples.push(performance.now() - t0);
      }
      return samples;
    };

    console.log(`\n${RUNS} sequential requests each, after 10 warm-up requests:`);
    console.log(
      describe(
        'database: progress (all time)',
        await measure(() =>
          asUser('select * from public.repz_exercise_sets($1, $2, null, null)', [exerciseId, TZ]),
        ),
      ),
    );
    console.log(
      describe(
        'database: progress (12 weeks)',
        await measure(() =>
          asUser(`select * from public.repz_exercise_sets($1, $2, current_date - 83, null)`, [
            exerciseId,
            TZ,
          ]),
        ),
      ),
    );
    console.log(
      describe(
        'database: stats',
        await measure(() => asUser('select public.repz_stats($1, null)', [TZ])),
      ),
    );

    // The read budget (100 a minute) is the product's; the benchmark resets it between batches.
    let calls = 0;
    const viaFunction = (path: string) => async () => {
      if (++calls % 90 === 0)
        await admin.query('delete from private.rate_limit_hits where user_id = $1', [me]);
      const response = await fetch(`${stack.url}/functions/v1/repz-api${path}`, {
        headers: { authorization: `Bearer ${token}`, apikey: stack.anonKey },
      });
      if (!response.ok)
        throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    await admin.query('delete from private.rate_limit_hits where user_id = $1', [me]);
    console.log(
      describe(
        'function: GET /progress?period=all',
        await measure(viaFunction(`/progress?exercise_id=${exerciseId}&period=all&tz=${TZ}`)),
      ),
    );
    console.log(
      describe(
        'function: GET /progress?period=12w',
        await measure(viaFunction(`/progress?exercise_id=${exerciseId}&period=12w&tz=${TZ}`)),
      ),
    );
    console.log(describe('function: GET /stats', await measure(viaFunction(`/stats?tz=${TZ}`))));
    console.log(
      describe('function: GET /health (baseline)', await measure(viaFunction('/health'))),
    );
  } finally {
    await api.end();
    await admin.end();
    await stack.stop();
  }
}

await main();
