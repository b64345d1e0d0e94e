// Prints what the schema rules buy: the median execution time of a user's RLS-filtered read of
// public.projects (200k rows, 2,000 owners) with the policy as shipped — `(select auth.uid())`
// plus the owner index — against the same policy unwrapped and/or without the index.
// Variants are built inside transactions that roll back; nothing is changed for good.
// Usage: pnpm --filter @alawein/db-tests bench   (starts a throw-away stack, or uses SUPABASE_TEST_*)
import pg from 'pg';
import { startTestStack } from '@alawein/local-supabase/testing';
import { projectRoot } from '../src/env.ts';

const USERS = 2_000;
const PROJECTS_PER_USER = 100;
const RUNS = 25;
const QUERY = 'select count(*) from public.projects';

interface Variant {
  name: string;
  /** SQL run (as the superuser, inside the measuring transaction) to build the variant. */
  setup: string;
}

const variants: Variant[] = [
  { name: 'as shipped: (select auth.uid()) + index', setup: '' },
  {
    name: 'unwrapped auth.uid() + index',
    setup: `alter policy "owners can read their projects" on public.projects using (auth.uid() = owner_id)`,
  },
  {
    name: '(select auth.uid()), no index',
    setup: 'drop index public.projects_owner_id_app_created_at_idx',
  },
  {
    name: 'unwrapped auth.uid(), no index',
    setup: `drop index public.projects_owner_id_app_created_at_idx;
            alter policy "owners can read their projects" on public.projects using (auth.uid() = owner_id)`,
  },
];

async function seed(db: pg.Pool): Promise<string> {
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data,
                             raw_user_meta_data, created_at, updated_at)
     select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
            format('bench-%s@example.com', g), '', '{"provider":"email","providers":["email"]}', '{}', now(), now()
       from generate_series(1, $1) g`,
    [USERS],
  );
  await db.query(
    `insert into public.projects (owner_id, app, name)
     select u.id, (array['simcore', 'repz', 'qmlab', 'liveit'])[1 + g % 4], format('Project %s', g)
       from auth.users u cross join generate_series(1, $1) g
      where u.email like 'bench-%@example.com'`,
    [PROJECTS_PER_USER],
  );
  await db.query('analyze public.projects');
  const { rows } = await db.query<{ id: string }>(
    `select id from auth.users where email = 'bench-1@example.com'`,
  );
  return rows[0]!.id;
}

async function measure(
  db: pg.Pool,
  variant: Variant,
  userId: string,
): Promise<{ median: number; plan: string }> {
  const client = await db.connect();
  try {
    await client.query('begin');
    if (variant.setup) await client.query(variant.setup);
    await client.query(
      `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`,
      [JSON.stringify({ sub: userId, role: 'authenticated' })],
    );
    const times: number[] = [];
    let plan = '';
    for (let run = 0; run < RUNS; run++) {
      const { rows } = await client.query<{
        'QUERY PLAN': [{ 'Execution Time': number; Plan: { Plans?: { 'Node Type': string }[] } }];
      }>(`explain (analyze, format json) ${QUERY}`);
      const [result] = rows[0]!['QUERY PLAN'];
      times.push(result['Execution Time']);
      plan = result.Plan.Plans?.map((node) => node['Node Type']).join(', ') ?? '';
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)]!, plan };
  } finally {
    await client.query('rollback');
    client.release();
  }
}

const stack = await startTestStack({ projectRoot });
const db = new pg.Pool({ connectionString: stack.dbUrl, max: 2 });
try {
  const userId = await seed(db);
  console.log(
    `public.projects: ${USERS * PROJECTS_PER_USER} rows, ${USERS} owners; "${QUERY}" as one owner`,
  );
  console.log(`median execution time of ${RUNS} runs (EXPLAIN ANALYZE):`);
  for (const variant of variants) {
    const { median, plan } = await measure(db, variant, userId);
    console.log(`  ${variant.name.padEnd(42)} ${median.toFixed(3).padStart(9)} ms   (${plan})`);
  }
} finally {
  if (!stack.local) await db.query(`delete from auth.users where email like 'bench-%@example.com'`);
  await db.end();
  await stack.stop();
}
