// /rest/v1 write contract and row level security, with the real supabase-js: insert, upsert,
// update, delete and Prefer options; anon, authenticated and service_role under RLS, including
// one user trying to read, change, forge or delete another's rows; and bad input, each a 4xx
// that writes nothing.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawRest, startRestWorld, type RestWorld } from './rest-support.ts';

interface Todo {
  id: number;
  owner_id: string;
  title: string;
  done: boolean;
  priority: number;
}

let world: RestWorld;

beforeAll(async () => {
  world = await startRestWorld();
}, 120_000);

afterAll(async () => {
  await world?.stack.stop();
});

/** Every todo, read with the service role (RLS bypassed). */
async function allTodos(): Promise<Todo[]> {
  const { data, error } = await world.service.from('rest_todos').select('*').order('id');
  expect(error).toBeNull();
  return data as Todo[];
}

async function addTodo(who: 'alice' | 'bob', title: string): Promise<Todo> {
  const { data, error }: { data: unknown; error: unknown } = await world[who].client
    .from('rest_todos')
    .insert({ title })
    .select()
    .single();
  expect(error).toBeNull();
  return data as Todo;
}

beforeEach(async () => {
  const { error } = await world.service.from('rest_todos').delete().gte('id', 0);
  expect(error).toBeNull();
});

describe('insert, upsert, update, delete', () => {
  it('inserts one row or many and returns the representation asked for', async () => {
    const alice = world.alice.client;
    const minimal = await alice.from('rest_todos').insert({ title: 'minimal' });
    expect(minimal).toMatchObject({ status: 201, data: null, error: null });
    const { data, status } = await alice
      .from('rest_todos')
      .insert([
        { title: 'one', priority: 1 },
        { title: 'two', priority: 2 },
      ])
      .select('title, priority, owner_id');
    expect(status).toBe(201);
    expect(data).toEqual([
      { title: 'one', priority: 1, owner_id: world.alice.userId },
      { title: 'two', priority: 2, owner_id: world.alice.userId },
    ]);
    expect((await allTodos()).map((t) => t.title)).toEqual(['minimal', 'one', 'two']);
  });

  it('inserts null for missing keys by default, and column defaults with defaultToNull: false', async () => {
    const rows = [{ title: 'has priority', priority: 3 }, { title: 'no priority' }];
    const withNull = await world.alice.client.from('rest_todos').insert(rows);
    expect(withNull.status).toBe(400);
    expect(withNull.error?.code).toBe('23502');
    expect(await allTodos()).toEqual([]);
    const withDefault = await world.alice.client
      .from('rest_todos')
      .insert(rows, { defaultToNull: false })
      .select('title, priority');
    expect(withDefault.data).toEqual([
      { title: 'has priority', priority: 3 },
      { title: 'no priority', priority: 0 },
    ]);
  });

  it('upserts with merge-duplicates and ignore-duplicates on a chosen conflict target', async () => {
    const alice = world.alice.client;
    await addTodo('alice', 'same');
    const merged = await alice
      .from('rest_todos')
      .upsert(
        [
          { title: 'same', priority: 9 },
          { title: 'new', priority: 1 },
        ],
        { onConflict: 'owner_id,title' },
      )
      .select('title, priority');
    expect(merged.error).toBeNull();
    expect(merged.data).toEqual([
      { title: 'same', priority: 9 },
      { title: 'new', priority: 1 },
    ]);
    const ignored = await alice
      .from('rest_todos')
      .upsert(
        { title: 'same', priority: 100 },
        { onConflict: 'owner_id,title', ignoreDuplicates: true },
      )
      .select();
    expect(ignored.data).toEqual([]);
    expect((await allTodos()).map((t) => [t.title, t.priority])).toEqual([
      ['same', 9],
      ['new', 1],
    ]);
  });

  it('upserts on the primary key by default', async () => {
    const todo = await addTodo('alice', 'by key');
    const { data } = await world.alice.client
      .from('rest_todos')
      .upsert({ id: todo.id, title: 'renamed by key' })
      .select('id, title');
    expect(data).toEqual([{ id: todo.id, title: 'renamed by key' }]);
  });

  it('updates and deletes the filtered rows, with counts', async () => {
    const alice = world.alice.client;
    await addTodo('alice', 'a');
    await addTodo('alice', 'b');
    const updated = await alice
      .from('rest_todos')
      .update({ done: true })
      .eq('title', 'a')
      .select('title, done');
    expect(updated).toMatchObject({ status: 200, data: [{ title: 'a', done: true }] });
    const quiet = await alice.from('rest_todos').update({ priority: 5 }).eq('title', 'b');
    expect(quiet).toMatchObject({ status: 204, data: null, error: null });
    const deleted = await alice.from('rest_todos').delete({ count: 'exact' }).eq('done', true);
    expect(deleted).toMatchObject({ status: 204, count: 1, error: null });
    expect((await allTodos()).map((t) => [t.title, t.priority])).toEqual([['b', 5]]);
  });

  it('ignores Prefer: tx=rollback, as hosted PostgREST does unless configured to allow it', async () => {
    const { data, error } = await world.alice.client
      .from('rest_todos')
      .insert({ title: 'not a dry run' })
      .select('title')
      .rollback();
    expect(error).toBeNull();
    expect(data).toEqual([{ title: 'not a dry run' }]);
    expect((await allTodos()).map((todo) => todo.title)).toEqual(['not a dry run']);
  });

  it('answers PATCH and DELETE without a filter with 400 21000, as pg-safeupdate does', async () => {
    await addTodo('alice', 'keep me');
    const update = await world.alice.client.from('rest_todos').update({ done: true });
    expect(update.status).toBe(400);
    expect(update.error).toMatchObject({
      code: '21000',
      message: 'UPDATE requires a WHERE clause',
    });
    const remove = await world.service.from('rest_todos').delete();
    expect(remove.status).toBe(400);
    expect(remove.error).toMatchObject({
      code: '21000',
      message: 'DELETE requires a WHERE clause',
    });
    expect((await allTodos()).map((todo) => [todo.title, todo.done])).toEqual([['keep me', false]]);
    // Any filter will do, as with pg-safeupdate.
    expect((await world.service.from('rest_todos').delete().gte('id', 0)).error).toBeNull();
  });

  it('rolls back a write whose single() result is not exactly one row', async () => {
    await addTodo('alice', 'x');
    await addTodo('alice', 'y');
    const { error, status } = await world.alice.client
      .from('rest_todos')
      .update({ done: true })
      .eq('done', false)
      .select()
      .single();
    expect(status).toBe(406);
    expect(error?.code).toBe('PGRST116');
    expect((await allTodos()).every((t) => !t.done)).toBe(true);
  });

  it('refuses a write over maxAffected() and rolls it back', async () => {
    await addTodo('alice', 'm1');
    await addTodo('alice', 'm2');
    // maxAffected() is typed for PostgREST 13 clients only; the request it sends is what matters here.
    const update = world.alice.client.from('rest_todos').update({ done: true }).eq('done', false);
    const tooMany = await (update.maxAffected(1) as unknown as typeof update);
    expect(tooMany.status).toBe(400);
    expect(tooMany.error).toMatchObject({ code: 'PGRST124', details: 'The query affects 2 rows' });
    expect((await allTodos()).every((t) => !t.done)).toBe(true);
    const remove = world.alice.client.from('rest_todos').delete().eq('title', 'm1');
    const fits = await (remove.maxAffected(1) as unknown as typeof remove);
    expect(fits.error).toBeNull();
    expect((await allTodos()).map((t) => t.title)).toEqual(['m2']);
  });

  it('answers return=headers-only with a Location header', async () => {
    const response = await rawRest(world, '/rest_todos', {
      method: 'POST',
      token: world.alice.accessToken,
      body: JSON.stringify({ title: 'located' }),
      headers: { Prefer: 'return=headers-only' },
    });
    expect(response.status).toBe(201);
    const [todo] = await allTodos();
    expect(response.headers.get('location')).toBe(`/rest_todos?id=eq.${todo?.id}`);
    expect(response.text).toBe('');
  });
});

describe('row level security', () => {
  it('shows each user only their own rows, anon none, service_role all', async () => {
    await addTodo('alice', 'alice private');
    await addTodo('bob', 'bob private');
    expect((await world.alice.client.from('rest_todos').select('title')).data).toEqual([
      { title: 'alice private' },
    ]);
    expect((await world.bob.client.from('rest_todos').select('title')).data).toEqual([
      { title: 'bob private' },
    ]);
    expect((await world.anon.from('rest_todos').select('title')).data).toEqual([]);
    const count = await world.anon.from('rest_todos').select('*', { count: 'exact', head: true });
    expect(count.count).toBe(0);
    expect((await world.service.from('rest_todos').select('title').order('id')).data).toEqual([
      { title: 'alice private' },
      { title: 'bob private' },
    ]);
  });

  it("does not let bob read, change or delete alice's rows", async () => {
    const todo = await addTodo('alice', 'mine');
    const bob = world.bob.client;
    expect((await bob.from('rest_todos').select('*').eq('id', todo.id)).data).toEqual([]);
    expect(
      (await bob.from('rest_todos').select('*').eq('id', todo.id).maybeSingle()).data,
    ).toBeNull();
    const changed = await bob
      .from('rest_todos')
      .update({ title: 'hacked', done: true })
      .eq('id', todo.id)
      .select();
    expect(changed).toMatchObject({ data: [], error: null });
    const deleted = await bob.from('rest_todos').delete({ count: 'exact' }).eq('id', todo.id);
    expect(deleted.count).toBe(0);
    expect(await allTodos()).toEqual([todo]);
  });

  it('rejects bob forging a row owned by alice, or handing his row to her', async () => {
    const forged = await world.bob.client
      .from('rest_todos')
      .insert({ title: 'forged', owner_id: world.alice.userId });
    expect(forged.status).toBe(403);
    expect(forged.error).toMatchObject({
      code: '42501',
      message: 'new row violates row-level security policy for table "rest_todos"',
    });
    const own = await addTodo('bob', 'bob own');
    const moved = await world.bob.client
      .from('rest_todos')
      .update({ owner_id: world.alice.userId })
      .eq('id', own.id);
    expect(moved.status).toBe(403);
    expect(moved.error?.code).toBe('42501');
    expect(await allTodos()).toEqual([own]);
  });

  it('answers 401 to anon writes that RLS refuses, and service_role writes anything', async () => {
    const anonInsert = await world.anon
      .from('rest_todos')
      .insert({ title: 'anon', owner_id: world.alice.userId });
    expect(anonInsert.status).toBe(401);
    expect(anonInsert.error?.code).toBe('42501');
    const anonBook = await world.anon
      .from('rest_books')
      .update({ title: 'defaced' })
      .eq('id', 1)
      .select();
    expect(anonBook.data).toEqual([]);
    const service = await world.service
      .from('rest_todos')
      .insert({ title: 'for alice', owner_id: world.alice.userId })
      .select('owner_id')
      .single();
    expect(service.data).toEqual({ owner_id: world.alice.userId });
    expect((await world.alice.client.from('rest_todos').select('title')).data).toEqual([
      { title: 'for alice' },
    ]);
  });
});

describe('bad input: a clear 4xx and nothing written', () => {
  let before: { todos: Todo[]; books: unknown[] };

  beforeEach(async () => {
    await addTodo('alice', 'keep me');
    before = {
      todos: await allTodos(),
      books: (await world.service.from('rest_books').select('*').order('id')).data ?? [],
    };
  });

  async function expectNothingWritten(): Promise<void> {
    expect(await allTodos()).toEqual(before.todos);
    expect((await world.service.from('rest_books').select('*').order('id')).data).toEqual(
      before.books,
    );
  }

  it('malformed select, order or filter → 400 PGRST100', async () => {
    const alice = world.alice.client;
    for (const response of [
      await alice.from('rest_todos').select('id,(title'),
      await alice.from('rest_todos').select('id,rel!(x)'),
      await alice.from('rest_todos').select('id').order('title.sideways'),
      await alice.from('rest_todos').select('id').filter('id', 'between', '1'),
      await alice.from('rest_todos').select('id').or('title.eq.a,(broken'),
      await alice.from('rest_todos').update({ done: true }).filter('id', 'zz', '1'),
    ]) {
      expect(response.status).toBe(400);
      expect(response.error?.code).toBe('PGRST100');
    }
    await expectNothingWritten();
  });

  it('unknown table → 404 PGRST205, unknown column → 400 42703 / PGRST204', async () => {
    const alice = world.alice.client;
    const table = await alice.from('rest_nope').select('*');
    expect(table).toMatchObject({
      status: 404,
      error: {
        code: 'PGRST205',
        message: "Could not find the table 'public.rest_nope' in the schema cache",
      },
    });
    const selected = await alice.from('rest_todos').select('id, nope');
    expect(selected).toMatchObject({
      status: 400,
      error: { code: '42703', message: 'column rest_todos.nope does not exist' },
    });
    const filtered = await alice.from('rest_todos').delete().eq('nope', 1);
    expect(filtered).toMatchObject({ status: 400, error: { code: '42703' } });
    const inserted = await alice.from('rest_todos').insert({ title: 't', nope: 1 });
    expect(inserted).toMatchObject({
      status: 400,
      error: {
        code: 'PGRST204',
        message: "Could not find the 'nope' column of 'rest_todos' in the schema cache",
      },
    });
    const updated = await alice.from('rest_todos').update({ nope: 1 }).eq('title', 'keep me');
    expect(updated).toMatchObject({ status: 400, error: { code: 'PGRST204' } });
    await expectNothingWritten();
  });

  it('injection attempts in values stay values', async () => {
    const alice = world.alice.client;
    const probe = "x'); delete from public.rest_todos; --";
    expect((await alice.from('rest_todos').select('*').eq('title', probe)).data).toEqual([]);
    expect(
      (await alice.from('rest_todos').select('*').in('title', [probe, "' or '1'='1"])).data,
    ).toEqual([]);
    expect(
      (await alice.from('rest_todos').select('*').filter('title', 'like', "%' or 1=1 --")).data,
    ).toEqual([]);
    const rpc = await world.anon.rpc('rest_books_by_country', { country: "US' or '1'='1" });
    expect(rpc.data).toEqual([]);
    const stored = await alice.from('rest_todos').insert({ title: probe }).select('title').single();
    expect(stored.data).toEqual({ title: probe });
    await alice.from('rest_todos').delete().eq('title', probe);
    await expectNothingWritten();
  });

  it('injection attempts in identifiers are unknown names', async () => {
    const alice = world.alice.client;
    const responses = [
      await alice.from('rest_todos').select('id,"title;delete from public.rest_todos"'),
      await alice.from('rest_todos').select('id').order('title;delete from public.rest_todos'),
      await alice
        .from('rest_todos')
        .select('id')
        .filter('id);delete from public.rest_todos;--', 'eq', '1'),
      await alice
        .from('rest_todos')
        .insert({ "title\") values ('x'); delete from public.rest_todos; --": 'x' }),
      await alice.from('rest_todos').select('id::text;delete from public.rest_todos'),
      await alice.from('rest_todos; delete from public.rest_todos').select('*'),
      await alice.from('rest_todos').select("id, meta->>'x'").eq('id', 1),
    ];
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.error?.code).toMatch(/^(PGRST\d{3}|42703)$/);
    }
    await expectNothingWritten();
  });

  it('malformed or mis-shaped JSON → 400 PGRST102', async () => {
    for (const [method, body] of [
      ['POST', '{"title": "broken"'],
      ['POST', ''],
      ['POST', '"just a string"'],
      ['POST', '[{"title": "ok"}, 3]'],
      ['PATCH', '[{"title": "array"}]'],
      ['PATCH', 'nope'],
    ] as const) {
      const response = await rawRest(world, '/rest_todos?title=eq.keep%20me', {
        method,
        body,
        token: world.alice.accessToken,
      });
      expect(response.status, `${method} ${body}`).toBe(400);
      expect((response.json as { code: string }).code).toBe('PGRST102');
    }
    const rpc = await rawRest(world, '/rpc/rest_add', {
      method: 'POST',
      body: '{"a": 1,',
      token: world.alice.accessToken,
    });
    expect(rpc.status).toBe(400);
    await expectNothingWritten();
  });

  it('values PostgreSQL refuses → 400/409 with its SQLSTATE, and a bulk insert is all or nothing', async () => {
    const alice = world.alice.client;
    const badType = await alice.from('rest_todos').select('*').eq('id', 'abc');
    expect(badType).toMatchObject({ status: 400, error: { code: '22P02' } });
    const check = await alice.from('rest_todos').insert({ title: '' });
    expect(check).toMatchObject({ status: 400, error: { code: '23514' } });
    const unique = await alice.from('rest_todos').insert({ title: 'keep me' });
    expect(unique).toMatchObject({ status: 409, error: { code: '23505' } });
    const foreignKey = await world.service
      .from('rest_books')
      .insert({ title: 'orphan', author_id: 999 });
    expect(foreignKey).toMatchObject({ status: 409, error: { code: '23503' } });
    const bulk = await alice
      .from('rest_todos')
      .insert([{ title: 'first ok' }, { title: '' }, { title: 'third ok' }]);
    expect(bulk.status).toBe(400);
    await expectNothingWritten();
  });

  it('a bad JWT or apikey → 401 before anything runs', async () => {
    const forged = await rawRest(world, '/rest_todos', {
      token: `${world.alice.accessToken.slice(0, -4)}AAAA`,
    });
    expect(forged.status).toBe(401);
    expect((forged.json as { code: string }).code).toBe('PGRST301');
    const noKey = await fetch(`${world.stack.url}/rest/v1/rest_todos`);
    expect(noKey.status).toBe(401);
    await expectNothingWritten();
  });
});

describe('schema cache', () => {
  it("reloads on NOTIFY pgrst, 'reload schema'", async () => {
    if (!world.stack.dbUrl) return;
    const admin = new pg.Client({ connectionString: world.stack.dbUrl });
    await admin.connect();
    try {
      const before = await world.anon.from('rest_late').select('*');
      expect(before.error?.code).toBe('PGRST205');
      await admin.query(`create table public.rest_late (id int primary key, note text);
        grant select on public.rest_late to anon;
        insert into public.rest_late values (1, 'arrived');
        notify pgrst, 'reload schema';`);
      let answer = await world.anon.from('rest_late').select('note');
      for (let attempt = 0; attempt < 50 && answer.error; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await world.anon.from('rest_late').select('note');
      }
      expect(answer.data).toEqual([{ note: 'arrived' }]);
    } finally {
      await admin.query("drop table if exists public.rest_late; notify pgrst, 'reload schema';");
      await admin.end();
    }
  });
});
