// Database: the bootstrap gives what hosted Supabase has, migrations apply once each and in order,
// the seed runs on creation only, and a failing migration stops the start with its file and error.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isPortInUse } from '../src/free-port.ts';
import { startStack, type RunningStack } from '../src/stack.ts';
import { startTestStack, type TestStack } from '../src/testing.ts';
import { raw, sql } from './auth-support.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';

describe('bootstrap', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
  });

  it('has the api roles with the attributes PostgREST relies on', async () => {
    const roles = await sql<{
      rolname: string;
      rolcanlogin: boolean;
      rolinherit: boolean;
      rolbypassrls: boolean;
    }>(
      stack,
      `select rolname, rolcanlogin, rolinherit, rolbypassrls from pg_roles
        where rolname in ('anon', 'authenticated', 'service_role', 'authenticator') order by rolname`,
    );
    expect(roles).toEqual([
      { rolname: 'anon', rolcanlogin: false, rolinherit: false, rolbypassrls: false },
      { rolname: 'authenticated', rolcanlogin: false, rolinherit: false, rolbypassrls: false },
      { rolname: 'authenticator', rolcanlogin: true, rolinherit: false, rolbypassrls: false },
      { rolname: 'service_role', rolcanlogin: false, rolinherit: false, rolbypassrls: true },
    ]);
    const members = await sql<{ role: string }>(
      stack,
      `select r.rolname as role from pg_auth_members m join pg_roles r on r.oid = m.roleid
        where m.member = 'authenticator'::regrole order by 1`,
    );
    expect(members.map((row) => row.role)).toEqual(['anon', 'authenticated', 'service_role']);
  });

  /** Runs `query` after setting `settings` transaction-locally, as PostgREST does per request. */
  async function withSettings(settings: Record<string, string>, query: string) {
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    try {
      await db.query('begin');
      for (const [name, value] of Object.entries(settings)) {
        await db.query('select set_config($1, $2, true)', [name, value]);
      }
      return (await db.query(query)).rows[0] as Record<string, unknown>;
    } finally {
      await db.query('rollback');
      await db.end();
    }
  }

  it('auth.uid(), role(), email() and jwt() read request.jwt.claims', async () => {
    const claims = {
      sub: '00000000-0000-4000-8000-000000000009',
      role: 'authenticated',
      email: 'j@example.com',
    };
    const row = await withSettings(
      { 'request.jwt.claims': JSON.stringify(claims) },
      'select auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() as jwt',
    );
    expect(row).toEqual({
      uid: claims.sub,
      role: 'authenticated',
      email: 'j@example.com',
      jwt: claims,
    });
  });

  it('auth.uid() falls back to the legacy request.jwt.claim.sub, and is null for the anon key', async () => {
    const legacy = await withSettings(
      { 'request.jwt.claim.sub': '00000000-0000-4000-8000-00000000000a' },
      'select auth.uid() as uid',
    );
    expect(legacy.uid).toBe('00000000-0000-4000-8000-00000000000a');
    const anon = await withSettings(
      { 'request.jwt.claims': '{"role":"anon"}' },
      'select auth.uid() as uid',
    );
    expect(anon.uid).toBeNull();
  });

  it('has the storage path helpers, RLS on storage.objects, the realtime publication and extensions', async () => {
    const [helpers] = await sql<{ folders: string[]; file: string; ext: string }>(
      stack,
      `select storage.foldername('user-1/photos/a.png') as folders, storage.filename('user-1/photos/a.png') as file,
              storage.extension('user-1/photos/a.png') as ext`,
    );
    expect(helpers).toEqual({ folders: ['user-1', 'photos'], file: 'a.png', ext: 'png' });
    const [objects] = await sql<{ relrowsecurity: boolean }>(
      stack,
      `select relrowsecurity from pg_class where oid = 'storage.objects'::regclass`,
    );
    expect(objects!.relrowsecurity).toBe(true);
    expect(
      await sql(stack, `select 1 from pg_publication where pubname = 'supabase_realtime'`),
    ).toHaveLength(1);
    const extensions = await sql<{ extname: string; schema: string }>(
      stack,
      `select extname, extnamespace::regnamespace::text as schema from pg_extension
        where extname in ('pgcrypto', 'uuid-ossp') order by 1`,
    );
    expect(extensions).toEqual([
      { extname: 'pgcrypto', schema: 'extensions' },
      { extname: 'uuid-ossp', schema: 'extensions' },
    ]);
  });

  it('records the fixture migrations as the Supabase CLI does', async () => {
    const rows = await sql<{ version: string; name: string }>(
      stack,
      'select version, name from supabase_migrations.schema_migrations order by version',
    );
    expect(rows[0]).toEqual({ version: '20240101000000', name: 'profiles_and_notes' });
  });
});

describe('schema reload', () => {
  it("NOTIFY pgrst, 'reload schema' makes the services see a table created after start", async () => {
    const stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
    const table = `reload_probe_${Date.now()}`;
    await sql(
      stack,
      `create table public.${table} (id int primary key); grant select on public.${table} to anon`,
    );
    await sql(stack, `notify pgrst, 'reload schema'`);
    await expect
      .poll(async () => (await raw(stack, `/rest/v1/${table}?select=id`)).status, {
        timeout: 10_000,
      })
      .toBe(200);
    await sql(stack, `drop table public.${table}`);
  });
});

describe('migrations and seed across restarts', () => {
  let project: string;
  let dataDir: string;
  let stack: RunningStack | undefined;

  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'migrate-project-'));
    dataDir = path.join(project, '.supabase-local');
    await cp(
      path.join(FIXTURE_PROJECT, 'supabase', 'migrations'),
      path.join(project, 'supabase', 'migrations'),
      {
        recursive: true,
      },
    );
    await cp(
      path.join(FIXTURE_PROJECT, 'supabase', 'seed.sql'),
      path.join(project, 'supabase', 'seed.sql'),
    );
  });

  afterAll(async () => {
    await stack?.stop();
    await rm(project, { recursive: true, force: true });
  });

  const start = async () =>
    startStack({
      projectRoot: project,
      dataDir,
      apiPort: await freePort(),
      dbPort: await freePort(),
      quiet: true,
      ephemeral: true,
    });
  const query = <T extends Record<string, unknown>>(text: string) =>
    sql<T>({ dbUrl: stack!.config.dbUrl } as TestStack, text);

  it('applies only new migrations on the next start and seeds only a new database', async () => {
    stack = await start();
    expect(await query(`select 1 from public.notes where body = 'seeded note'`)).toHaveLength(1);
    await stack.stop();

    await writeFile(
      path.join(project, 'supabase', 'migrations', '20990101000000_add_tags.sql'),
      'create table public.tags (id bigint generated always as identity primary key, label text not null);\n',
    );
    stack = await start();
    const versions = await query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations order by 1',
    );
    expect(versions.map((row) => row.version)).toContain('20990101000000');
    expect(await query(`select 1 from public.tags`)).toEqual([]);
    // The seed did not run again: still exactly one seeded note.
    expect(await query(`select 1 from public.notes where body = 'seeded note'`)).toHaveLength(1);
  });

  it('reset() gives a fresh database: migrations and seed again, rows written since are gone', async () => {
    await query(
      `insert into public.notes (owner_id, body) values ('00000000-0000-4000-8000-000000000001', 'temporary')`,
    );
    await stack!.reset();
    expect(await query(`select body from public.notes order by id`)).toEqual([
      { body: 'seeded note' },
    ]);
    expect(await query(`select 1 from public.tags`)).toEqual([]);
  });

  it('a failing migration stops the start with the file name and the PostgreSQL error, leaving nothing running', async () => {
    await stack?.stop();
    stack = undefined;
    await writeFile(
      path.join(project, 'supabase', 'migrations', '20990102000000_broken.sql'),
      'create table public.fine (id int);\nalter table public.missing add column x int;\n',
    );
    const dbPort = await freePort();
    await expect(
      startStack({
        projectRoot: project,
        dataDir,
        apiPort: await freePort(),
        dbPort,
        quiet: true,
        ephemeral: true,
      }),
    ).rejects.toThrow(
      /supabase\/migrations\/20990102000000_broken\.sql.*: relation "public\.missing" does not exist \[42P01\]/,
    );
    expect(await isPortInUse(dbPort)).toBe(false);
  });
});
