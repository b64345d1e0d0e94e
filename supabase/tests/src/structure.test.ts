// Structural rules every migration must keep, checked over whatever exists in the database —
// so tables added by later migrations are held to them too. Each failure lists the offenders.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  foreignKeysWithoutIndex,
  functionsWithMutableSearchPath,
  grantsWithoutPolicy,
  policies,
  policyColumnsWithoutIndex,
  tablesWithoutRls,
  tablesWithoutUpdatedAtTrigger,
  unwrappedCalls,
  viewsBypassingRls,
} from './catalog.ts';
import type { DbHarness } from './harness.ts';
import { connectHarness } from './stack.ts';

let harness: DbHarness;
let db: pg.PoolClient;

beforeAll(async () => {
  harness = connectHarness();
  db = await harness.admin.connect();
  await db.query('begin');
  await db.query(`set local search_path = ''`);
});

afterAll(async () => {
  await db?.query('rollback');
  db?.release();
  await harness?.close();
});

async function policyProblems(): Promise<{
  unwrapped: string[];
  roleless: string[];
  forAll: string[];
}> {
  const all = await policies(db);
  const name = (p: (typeof all)[number]) => `${p.table}: "${p.policy}"`;
  return {
    unwrapped: all.flatMap((p) =>
      p.expressions.flatMap(unwrappedCalls).map((call) => `${name(p)} calls ${call} per row`),
    ),
    roleless: all.filter((p) => p.roles.includes('public')).map(name),
    forAll: all.filter((p) => p.command === 'all').map(name),
  };
}

describe('every migration keeps the schema rules', () => {
  it('every table in public has row level security enabled', async () => {
    expect(await tablesWithoutRls(db)).toEqual([]);
  });

  it('every view in public runs with the caller’s rights (security_invoker), so RLS applies', async () => {
    expect(await viewsBypassingRls(db)).toEqual([]);
  });

  it('every operation anon or authenticated is granted on a public table has a policy for that role', async () => {
    expect(await grantsWithoutPolicy(db)).toEqual([]);
  });

  it('every foreign key is covered by an index', async () => {
    expect(await foreignKeysWithoutIndex(db)).toEqual([]);
  });

  it('every column a policy compares with (select auth.uid()) leads an index', async () => {
    expect(await policyColumnsWithoutIndex(db)).toEqual([]);
  });

  it('no policy calls auth.uid(), auth.jwt() or is_admin() per row instead of (select …)', async () => {
    expect((await policyProblems()).unwrapped).toEqual([]);
  });

  it('no policy is role-less (to public): each names anon, authenticated or another role', async () => {
    expect((await policyProblems()).roleless).toEqual([]);
  });

  it('no policy uses for all: one policy per operation', async () => {
    expect((await policyProblems()).forAll).toEqual([]);
  });

  it('no security-definer function in public or private has a mutable search_path', async () => {
    expect(await functionsWithMutableSearchPath(db, { securityDefinerOnly: true })).toEqual([]);
  });

  it('no function in public or private has a mutable search_path', async () => {
    expect(await functionsWithMutableSearchPath(db, { securityDefinerOnly: false })).toEqual([]);
  });

  it('every table with updated_at stamps it with the shared private.set_updated_at() trigger', async () => {
    expect(await tablesWithoutUpdatedAtTrigger(db)).toEqual([]);
  });
});

describe('the structural checks catch what they look for', () => {
  it('a table breaking every rule is reported by each check', async () => {
    await db.query('savepoint broken_table');
    try {
      await db.query(`
        create table public.db_tests_broken (
          id uuid primary key,
          parent_id uuid references public.db_tests_broken (id),
          owner_id uuid,
          updated_at timestamptz
        );
        grant select, insert, update, delete on public.db_tests_broken to anon, authenticated;
        create view public.db_tests_broken_view as select id from public.db_tests_broken;
        create function public.db_tests_broken_fn() returns int language sql security definer as 'select 1';
      `);
      expect(await tablesWithoutRls(db)).toContain('public.db_tests_broken');
      expect(await viewsBypassingRls(db)).toContain('public.db_tests_broken_view');
      expect(await grantsWithoutPolicy(db)).toContain(
        'public.db_tests_broken: anon may delete but no policy covers it',
      );
      expect(await foreignKeysWithoutIndex(db)).toContain(
        'public.db_tests_broken.db_tests_broken_parent_id_fkey (parent_id)',
      );
      expect(await functionsWithMutableSearchPath(db, { securityDefinerOnly: true })).toContain(
        'public.db_tests_broken_fn()',
      );
      expect(await tablesWithoutUpdatedAtTrigger(db)).toContain('public.db_tests_broken');

      await db.query(`
        alter table public.db_tests_broken enable row level security;
        create policy "broken" on public.db_tests_broken using (owner_id = auth.uid());
      `);
      await db.query(`
        create policy "broken by owner" on public.db_tests_broken for select to authenticated
          using (owner_id = (select auth.uid()));
      `);
      expect(await policyColumnsWithoutIndex(db)).toContain(
        'public.db_tests_broken.owner_id (policy "broken by owner")',
      );
      const problems = await policyProblems();
      expect(problems.unwrapped).toContain(
        'public.db_tests_broken: "broken" calls auth.uid() per row',
      );
      expect(problems.roleless).toContain('public.db_tests_broken: "broken"');
      expect(problems.forAll).toContain('public.db_tests_broken: "broken"');
    } finally {
      await db.query('rollback to savepoint broken_table');
    }
  });
});

describe('unwrappedCalls', () => {
  it('accepts a call wrapped in a scalar sub-select', () => {
    expect(unwrappedCalls('(( SELECT auth.uid() AS uid) = owner_id)')).toEqual([]);
    expect(
      unwrappedCalls(
        `(( SELECT ((auth.jwt() -> 'app_metadata'::text) ->> 'role'::text)) = 'admin'::text)`,
      ),
    ).toEqual([]);
    expect(unwrappedCalls('( SELECT public.is_admin() AS is_admin)')).toEqual([]);
  });

  it('reports a bare call, even inside other parentheses', () => {
    expect(unwrappedCalls('(owner_id = auth.uid())')).toEqual(['auth.uid()']);
    expect(unwrappedCalls(`((auth.jwt() ->> 'email'::text) = email)`)).toEqual(['auth.jwt()']);
    expect(unwrappedCalls('(public.is_admin() OR (( SELECT auth.uid() AS uid) = id))')).toEqual([
      'public.is_admin()',
    ]);
  });

  it('reports a call inside a sub-query over a table, which may run per row', () => {
    expect(
      unwrappedCalls(
        '(team_id IN ( SELECT m.team_id FROM public.members m WHERE (m.user_id = auth.uid())))',
      ),
    ).toEqual(['auth.uid()']);
  });
});
