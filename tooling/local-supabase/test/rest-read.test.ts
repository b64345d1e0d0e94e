// /rest/v1 read contract, with the real supabase-js against the local stack: every filter
// operator, select aliases/casts/JSON paths, embedding both ways, count, single, order, range, rpc.
import { SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JWT_SECRET } from '../src/config.ts';
import { rawRest, startRestWorld, type RestWorld } from './rest-support.ts';

let world: RestWorld;

beforeAll(async () => {
  world = await startRestWorld();
}, 120_000);

afterAll(async () => {
  await world?.stack.stop();
});

function books() {
  return world.anon.from('rest_books').select('id').order('id');
}
type Books = ReturnType<typeof books>;

async function ids(query: PromiseLike<{ data: unknown; error: unknown }>): Promise<number[]> {
  const { data, error } = await query;
  expect(error).toBeNull();
  return (data as { id: number }[]).map((row) => row.id);
}

describe('filter operators', () => {
  const cases: [string, (q: Books) => Books, number[]][] = [
    ['eq', (q) => q.eq('id', 3), [3]],
    ['neq', (q) => q.neq('author_id', 1), [3, 4, 5]],
    ['gt', (q) => q.gt('pages', 250), [1, 4]],
    ['gte', (q) => q.gte('pages', 264), [1, 4]],
    ['lt', (q) => q.lt('pages', 204), [2]],
    ['lte', (q) => q.lte('pages', 204), [2, 3]],
    ['gte on a date', (q) => q.gte('published', '1969-01-01'), [1, 4]],
    ['like', (q) => q.like('title', '*The*'), [1, 5]],
    ['ilike', (q) => q.ilike('title', '*OF*'), [1, 2]],
    ['like(all)', (q) => q.likeAllOf('title', ['*a*', '*s*']), [1, 2, 3]],
    ['like(any)', (q) => q.likeAnyOf('title', ['Sol*', 'Kin*']), [3, 4]],
    ['ilike(any)', (q) => q.ilikeAnyOf('title', ['sol*', '*RIAD']), [3, 5]],
    ['ilike(all)', (q) => q.ilikeAllOf('title', ['the*', '*NESS']), [1]],
    ['match', (q) => q.regexMatch('title', '^The'), [1, 5]],
    ['imatch', (q) => q.regexIMatch('title', '^the c'), [5]],
    ['is null', (q) => q.is('pages', null), [5]],
    ['not is null', (q) => q.not('pages', 'is', null), [1, 2, 3, 4]],
    ['isdistinct', (q) => q.isDistinct('price', 9.99), [2, 3, 4, 5]],
    ['in', (q) => q.in('id', [1, 3, 5]), [1, 3, 5]],
    ['in with a quoted comma', (q) => q.in('title', ['Solaris', 'A, B']), [3]],
    ['not in', (q) => q.notIn('id', [1, 2]), [3, 4, 5]],
    ['cs on an array', (q) => q.contains('tags', ['classic']), [1, 2]],
    ['cd on an array', (q) => q.containedBy('tags', ['scifi', 'classic', 'humor']), [1, 3, 4, 5]],
    ['ov on an array', (q) => q.overlaps('tags', ['fantasy', 'humor']), [2, 5]],
    ['cs on jsonb', (q) => q.contains('meta', { lang: 'pl' }), [3]],
    ['ov on a range', (q) => q.overlaps('print_run', '[1500,2500)'), [1, 2]],
    ['sl', (q) => q.rangeLt('print_run', '[2000,3000)'), [2, 5]],
    ['sr', (q) => q.rangeGt('print_run', '[100,200)'), [1, 2, 3]],
    ['nxl', (q) => q.rangeGte('print_run', '[1000,2000)'), [1, 3]],
    ['nxr', (q) => q.rangeLte('print_run', '[1000,2000)'), [2, 5]],
    ['adj', (q) => q.rangeAdjacent('print_run', '[5000,6000)'), [1]],
    [
      'fts on a tsvector',
      (q) => q.textSearch('summary_tsv', 'planet & winter', { config: 'english' }),
      [1],
    ],
    [
      'plfts on text',
      (q) => q.textSearch('summary', 'living ocean', { type: 'plain', config: 'english' }),
      [3],
    ],
    [
      'phfts',
      (q) => q.textSearch('summary_tsv', 'ocean planet', { type: 'phrase', config: 'english' }),
      [3],
    ],
    [
      'wfts',
      (q) =>
        q.textSearch('summary_tsv', 'wizard or robots -ocean', {
          type: 'websearch',
          config: 'english',
        }),
      [2, 5],
    ],
    ['eq on a JSON path', (q) => q.filter('meta->>lang', 'eq', 'en'), [1, 2, 4]],
    ['eq on a nested JSON path', (q) => q.filter('meta->series->>n', 'eq', '4'), [1]],
    ['match() of several columns', (q) => q.match({ author_id: 1, pages: 183 }), [2]],
    ['or with a nested and', (q) => q.or('pages.lt.200,and(author_id.eq.2,price.gt.11.5)'), [2, 5]],
    ['or with negation inside', (q) => q.or('id.eq.1,pages.not.gte.200'), [1, 2]],
    ['not.or', (q) => q.not('id', 'in', '(1,2)').or('price.is.null,price.gt.11'), [4, 5]],
  ];

  it.each(cases)('%s', async (_name, filter, expected) => {
    expect(await ids(filter(books()))).toEqual(expected);
  });

  it('negates a whole boolean tree with not.or', async () => {
    const response = await rawRest(
      world,
      '/rest_books?select=id&not.or=(id.eq.1,id.eq.2)&order=id',
    );
    expect(response.json).toEqual([{ id: 3 }, { id: 4 }, { id: 5 }]);
  });
});

describe('select', () => {
  it('renames, casts and reads JSON paths', async () => {
    const { data, error } = await world.anon
      .from('rest_books')
      .select(
        'id, label:title, pages::text, lang:meta->>lang, series:meta->series->name, first_award:meta->awards->>0',
      )
      .eq('id', 1)
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({
      id: 1,
      label: 'The Left Hand of Darkness',
      pages: '304',
      lang: 'en',
      series: 'Hainish',
      first_award: 'Hugo',
    });
  });

  it('a cast names one type: SQL after it is refused, multi-word spellings still work', async () => {
    const injected = await rawRest(
      world,
      `/rest_books?select=${encodeURIComponent('title::text from rest_books union all select session_user')}`,
    );
    expect(injected.status).toBe(400);
    expect(injected.json).toMatchObject({ code: 'PGRST100' });
    expect(injected.text).not.toContain('authenticator');
    const spelled = await rawRest(
      world,
      `/rest_books?select=${encodeURIComponent('id,p:pages::double precision,i:pages::int,t:title::character varying')}&id=eq.1`,
    );
    expect(spelled.status).toBe(200);
    expect(spelled.json).toEqual([{ id: 1, p: 304, i: 304, t: 'The Left Hand of Darkness' }]);
    const unknown = await rawRest(world, '/rest_books?select=id::not_a_type');
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
  });

  it('counts rows with count()', async () => {
    const { data } = await world.anon
      .from('rest_books')
      .select('author_id, n:count()')
      .order('author_id');
    expect(data).toEqual([
      { author_id: 1, n: 2 },
      { author_id: 2, n: 2 },
      { author_id: 3, n: 1 },
    ]);
  });

  it('orders with nulls first and pages with range()', async () => {
    expect(
      await ids(
        world.anon
          .from('rest_books')
          .select('id')
          .order('price', { ascending: false, nullsFirst: true }),
      ),
    ).toEqual([4, 5, 3, 1, 2]);
    expect(
      await ids(
        world.anon
          .from('rest_books')
          .select('id')
          .order('pages', { ascending: true, nullsFirst: false })
          .range(1, 2),
      ),
    ).toEqual([3, 4]);
    expect(await ids(world.anon.from('rest_books').select('id').order('id').limit(2))).toEqual([
      1, 2,
    ]);
  });
});

describe('embedding', () => {
  it('embeds a many-to-one as an object, by column hint and by constraint name', async () => {
    const { data, error } = await world.anon
      .from('rest_books')
      .select(
        'title, author:rest_authors!author_id(name, country), editor:rest_authors!rest_books_editor_id_fkey(name)',
      )
      .in('id', [1, 2])
      .order('id');
    expect(error).toBeNull();
    expect(data).toEqual([
      {
        title: 'The Left Hand of Darkness',
        author: { name: 'Ursula K. Le Guin', country: 'US' },
        editor: { name: 'Octavia E. Butler' },
      },
      {
        title: 'A Wizard of Earthsea',
        author: { name: 'Ursula K. Le Guin', country: 'US' },
        editor: null,
      },
    ]);
  });

  it('embeds a one-to-many as an array, ordered and limited inside', async () => {
    const { data } = await world.anon
      .from('rest_authors')
      .select('name, rest_books!author_id(title)')
      .eq('id', 2)
      .order('title', { referencedTable: 'rest_books', ascending: false })
      .limit(1, { referencedTable: 'rest_books' })
      .single();
    expect(data).toEqual({ name: 'Stanisław Lem', rest_books: [{ title: 'The Cyberiad' }] });
  });

  it('embeds a one-to-one as an object and nests embeds', async () => {
    const { data: authors } = await world.anon
      .from('rest_authors')
      .select('id, rest_author_bios(bio)')
      .order('id')
      .limit(2);
    expect(authors).toEqual([
      { id: 1, rest_author_bios: { bio: 'Wrote about anarchist moons.' } },
      { id: 2, rest_author_bios: null },
    ]);
    const { data: reviews } = await world.anon
      .from('rest_reviews')
      .select('stars, rest_books(title, author:rest_authors!author_id(name))')
      .eq('reviewer', 'cy');
    expect(reviews).toEqual([
      { stars: 5, rest_books: { title: 'Kindred', author: { name: 'Octavia E. Butler' } } },
    ]);
  });

  it('filters children only, or parents too with !inner', async () => {
    const { data: all } = await world.anon
      .from('rest_books')
      .select('id, rest_reviews(reviewer)')
      .eq('rest_reviews.reviewer', 'ana')
      .order('id');
    expect(all).toHaveLength(5);
    expect(all?.[0]).toEqual({ id: 1, rest_reviews: [{ reviewer: 'ana' }] });
    expect(all?.[1]).toEqual({ id: 2, rest_reviews: [] });
    const { data: inner, count } = await world.anon
      .from('rest_books')
      .select('id, rest_reviews!inner(reviewer)', { count: 'exact' })
      .eq('rest_reviews.reviewer', 'ana')
      .order('id');
    expect(inner).toEqual([
      { id: 1, rest_reviews: [{ reviewer: 'ana' }] },
      { id: 3, rest_reviews: [{ reviewer: 'ana' }] },
    ]);
    expect(count).toBe(2);
  });

  it('filters parents on whether an embed matched (rel=not.is.null)', async () => {
    const { data } = await world.anon
      .from('rest_authors')
      .select('name, rest_author_bios(bio)')
      .not('rest_author_bios', 'is', null);
    expect(data).toEqual([
      { name: 'Ursula K. Le Guin', rest_author_bios: { bio: 'Wrote about anarchist moons.' } },
    ]);
  });

  it('spreads a to-one embed into the parent and counts embedded rows', async () => {
    const { data: spread } = await world.anon
      .from('rest_books')
      .select('title, ...rest_authors!author_id(author_name:name, country)')
      .eq('id', 4)
      .single();
    expect(spread).toEqual({ title: 'Kindred', author_name: 'Octavia E. Butler', country: 'US' });
    const { data: counts } = await world.anon
      .from('rest_authors')
      .select('name, rest_books!author_id(count)')
      .order('id');
    expect(
      counts?.map((row) => (row as { rest_books: { count: number }[] }).rest_books[0]?.count),
    ).toEqual([2, 2, 1, 0]);
  });

  it('embeds many-to-many through a junction table, both ways', async () => {
    const { data: bookGenres } = await world.anon
      .from('rest_books')
      .select('id, rest_genres(name)')
      .in('id', [4, 5])
      .order('id')
      .order('name', { referencedTable: 'rest_genres' });
    expect(bookGenres).toEqual([
      { id: 4, rest_genres: [] },
      { id: 5, rest_genres: [{ name: 'satire' }, { name: 'science fiction' }] },
    ]);
    const { data: genreBooks } = await world.anon
      .from('rest_genres')
      .select('name, books:rest_books!rest_book_genres(id)')
      .eq('name', 'science fiction')
      .order('id', { referencedTable: 'books' })
      .single();
    expect(genreBooks).toEqual({
      name: 'science fiction',
      books: [{ id: 1 }, { id: 3 }, { id: 5 }],
    });
  });

  it('answers 300 PGRST201 for an ambiguous embed and 400 PGRST200 for none', async () => {
    const ambiguous = await world.anon.from('rest_books').select('title, rest_authors(name)');
    expect(ambiguous.status).toBe(300);
    expect(ambiguous.error?.code).toBe('PGRST201');
    expect(ambiguous.error?.hint).toContain('rest_authors!rest_books_author_id_fkey');
    const none = await world.anon.from('rest_books').select('title, rest_todos(title)');
    expect(none.status).toBe(400);
    expect(none.error?.code).toBe('PGRST200');
  });
});

describe('count and single', () => {
  it('counts exactly with head and with a page', async () => {
    const head = await world.anon.from('rest_books').select('*', { count: 'exact', head: true });
    expect(head).toMatchObject({ count: 5, data: null, error: null, status: 200 });
    const page = await world.anon
      .from('rest_books')
      .select('id', { count: 'exact' })
      .order('id')
      .range(0, 1);
    expect(page).toMatchObject({ count: 5, status: 206, data: [{ id: 1 }, { id: 2 }] });
    const raw = await rawRest(world, '/rest_books?select=id&offset=1&limit=2', {
      headers: { Prefer: 'count=exact' },
    });
    expect(raw.headers.get('content-range')).toBe('1-2/5');
    const empty = await rawRest(world, '/rest_books?id=gt.100', {
      headers: { Prefer: 'count=exact' },
    });
    expect(empty.headers.get('content-range')).toBe('*/0');
  });

  it('answers planned and estimated counts', async () => {
    const planned = await world.anon.from('rest_books').select('id', { count: 'planned' });
    expect(typeof planned.count).toBe('number');
    const estimated = await world.anon
      .from('rest_books')
      .select('id', { count: 'estimated' })
      .gt('id', 2);
    expect(estimated.count).toBe(3);
  });

  it('returns one object, or 406 PGRST116 unless exactly one row', async () => {
    const one = await world.anon.from('rest_books').select('title').eq('id', 3).single();
    expect(one.data).toEqual({ title: 'Solaris' });
    const many = await world.anon.from('rest_books').select('title').gt('id', 1).single();
    expect(many.status).toBe(406);
    expect(many.error).toMatchObject({ code: 'PGRST116', details: 'The result contains 4 rows' });
    const none = await world.anon.from('rest_books').select('title').eq('id', 999).single();
    expect(none.error?.code).toBe('PGRST116');
    const maybe = await world.anon.from('rest_books').select('title').eq('id', 999).maybeSingle();
    expect(maybe).toMatchObject({ data: null, error: null });
  });

  it('reads views, honours the Range header and strips nulls on request', async () => {
    const view = await world.anon
      .from('rest_us_books')
      .select('title, author')
      .ilike('title', '*the*')
      .order('id');
    expect(view.data).toEqual([
      { title: 'The Left Hand of Darkness', author: 'Ursula K. Le Guin' },
    ]);
    const ranged = await rawRest(world, '/rest_books?select=id&order=id', {
      headers: { Range: '1-2' },
    });
    expect(ranged.json).toEqual([{ id: 2 }, { id: 3 }]);
    expect(ranged.headers.get('content-range')).toBe('1-2/*');
    const stripped = await world.anon
      .from('rest_books')
      .select('id, price, pages')
      .in('id', [4, 5])
      .order('id')
      .stripNulls();
    expect(stripped.data).toEqual([
      { id: 4, pages: 264 },
      { id: 5, price: 12.25 },
    ]);
  });

  it('rejects filters on resources that are not embedded with 400 PGRST108', async () => {
    const { error, status } = await world.anon
      .from('rest_books')
      .select('id')
      .eq('rest_reviews.stars', 5);
    expect(status).toBe(400);
    expect(error?.code).toBe('PGRST108');
  });

  it('rejects an unexposed schema with 406 PGRST106', async () => {
    const write = await world.service
      .schema('auth')
      .from('users')
      .delete()
      .neq('id', '00000000-0000-0000-0000-000000000000');
    expect(write.status).toBe(406);
    expect(write.error?.code).toBe('PGRST106');
    const { error, status } = await world.anon.schema('auth').from('users').select('*');
    expect(status).toBe(406);
    expect(error?.code).toBe('PGRST106');
  });
});

describe('per-role settings', () => {
  it("runs each request under its role's settings, as hosted PostgREST does", async () => {
    const setting = (who: typeof world.anon) =>
      who.rpc('rest_setting', { name: 'statement_timeout' });
    expect((await setting(world.anon)).data).toBe('3s');
    expect((await setting(world.alice.client)).data).toBe('8s');
  });

  it("cancels an anonymous request at anon's 3 s statement_timeout", async () => {
    const { error } = await world.anon.rpc('rest_sleep', { seconds: 3.5 });
    expect(error).toMatchObject({ code: '57014' });
  });
});

describe('rpc', () => {
  it('calls scalar functions by POST and GET, with defaults', async () => {
    expect((await world.anon.rpc('rest_add', { a: 2, b: 3 })).data).toBe(5);
    expect((await world.anon.rpc('rest_add', { a: 2 }, { get: true })).data).toBe(3);
    expect((await world.anon.rpc('rest_series', { n: 3 })).data).toEqual([1, 2, 3]);
    expect((await world.anon.rpc('rest_echo', { nested: { list: [1, 'two'] } })).data).toEqual({
      nested: { list: [1, 'two'] },
    });
  });

  it('filters, orders, selects and embeds on set-returning functions', async () => {
    const { data, error } = await world.anon
      .rpc('rest_books_by_country', { country: 'US' })
      .select('title, author:rest_authors!author_id(name)')
      .gt('pages', 200)
      .order('pages', { ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([
      { title: 'The Left Hand of Darkness', author: { name: 'Ursula K. Le Guin' } },
      { title: 'Kindred', author: { name: 'Octavia E. Butler' } },
    ]);
    const stats = await world.anon
      .rpc('rest_book_stats', { min_pages: 250 }, { get: true })
      .order('author_name');
    expect(stats.data).toEqual([
      { author_name: 'Octavia E. Butler', books: 1, total_pages: 264 },
      { author_name: 'Ursula K. Le Guin', books: 1, total_pages: 304 },
    ]);
  });

  it('caps a read at [api] max_rows (1000, as supabase start) while counting every row', async () => {
    const capped = await world.anon.rpc('rest_rows', { n: 1500 }, { count: 'exact' });
    expect(capped.data).toHaveLength(1000);
    expect(capped.count).toBe(1500);
    expect(capped.status).toBe(206);
  });

  it('maps function errors to PostgREST statuses', async () => {
    const raised = await world.anon.rpc('rest_fail', { message: 'boom' });
    expect(raised.status).toBe(400);
    expect(raised.error).toMatchObject({ code: 'P0001', message: 'boom' });
    const readOnly = await world.alice.client.rpc(
      'rest_add_todo',
      { title: 'by get' },
      { get: true },
    );
    expect(readOnly.status).toBe(405);
    expect(readOnly.error?.code).toBe('25006');
    const missing = await world.anon.rpc('rest_nope');
    expect(missing.status).toBe(404);
    expect(missing.error?.code).toBe('PGRST202');
    const wrongArgs = await world.anon.rpc('rest_add', { c: 1 });
    expect(wrongArgs.error?.code).toBe('PGRST202');
    const badValue = await world.anon.rpc('rest_add', { a: 'two' });
    expect(badValue.status).toBe(400);
    expect(badValue.error?.code).toBe('22P02');
  });

  it('runs as the caller: role and claims reach the function', async () => {
    const whoami = await world.alice.client.rpc('rest_whoami');
    expect(whoami.data).toEqual({ role: 'authenticated', sub: world.alice.userId, method: 'POST' });
    const anon = await world.anon.rpc('rest_whoami', {}, { get: true });
    expect(anon.data).toEqual({ role: 'anon', sub: null, method: 'GET' });
  });
});

describe('reads (set-up and statement in one round trip)', () => {
  it('answers the same URL for each caller with their own rows, every time', async () => {
    const inserted = await Promise.all([
      world.alice.client.from('rest_todos').insert({ title: 'alice repeats' }),
      world.bob.client.from('rest_todos').insert({ title: 'bob repeats' }),
    ]);
    expect(inserted.map((result) => result.error)).toEqual([null, null]);
    const path = '/rest_todos?select=title&title=like.*repeats&order=id';
    for (let round = 0; round < 3; round += 1) {
      for (const [who, title] of [
        [world.alice, 'alice repeats'],
        [world.bob, 'bob repeats'],
      ] as const) {
        const answer = await rawRest(world, path, { token: who.accessToken });
        expect(answer.json, `round ${round}`).toEqual([{ title }]);
      }
    }
  });

  it('reads the same query string anew when Range, Prefer or Accept differ', async () => {
    const path = '/rest_books?select=id&order=id';
    for (let round = 0; round < 2; round += 1) {
      const all = await rawRest(world, path);
      expect(all.json).toEqual([1, 2, 3, 4, 5].map((id) => ({ id })));
      expect(all.headers.get('content-range')).toBe('0-4/*');
      const ranged = await rawRest(world, path, { headers: { range: '1-2' } });
      expect(ranged.json).toEqual([{ id: 2 }, { id: 3 }]);
      expect(ranged.headers.get('content-range')).toBe('1-2/*');
      const counted = await rawRest(world, path, { headers: { prefer: 'count=exact' } });
      expect(counted.headers.get('content-range')).toBe('0-4/5');
      const one = await rawRest(world, `${path}&id=eq.3`, {
        headers: { accept: 'application/vnd.pgrst.object+json' },
      });
      expect(one.json).toEqual({ id: 3 });
    }
  });

  it('keeps reading after failed reads, a failed set-up included', async () => {
    const good = async (): Promise<void> => {
      const answer = await rawRest(world, '/rest_books?select=id&id=eq.2');
      expect(answer.json).toEqual([{ id: 2 }]);
    };
    const unknownRole = await new SignJWT({ role: 'no_such_role', sub: 'x' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEMO_JWT_SECRET));
    for (let round = 0; round < 3; round += 1) {
      const badValue = await rawRest(world, '/rest_books?select=id&id=eq.not-a-number');
      expect(badValue.status).toBe(400);
      expect(badValue.json).toMatchObject({ code: '22P02' });
      await good();
      const badRole = await rawRest(world, '/rest_books?select=id&id=eq.2', {
        token: unknownRole,
      });
      expect(badRole.status, badRole.text).toBeGreaterThanOrEqual(400);
      expect(badRole.text).toMatch(/no_such_role/);
      await good();
    }
  });

  it("applies the role's statement_timeout and read-only mode to table reads", async () => {
    if (!world.stack.dbUrl) return;
    const admin = new pg.Client({ connectionString: world.stack.dbUrl });
    await admin.connect();
    try {
      await admin.query(`
        create function public.rest_probe_sleep() returns text language sql volatile
          as $$ select pg_sleep(3.5)::text $$;
        create view public.rest_slow with (security_invoker = true) as
          select public.rest_probe_sleep() as slept;
        create table public.rest_probe_log (id int generated always as identity, at timestamptz default now());
        grant insert on public.rest_probe_log to anon;
        create function public.rest_probe_write() returns int language sql volatile
          as $$ insert into public.rest_probe_log default values returning id $$;
        create view public.rest_writing with (security_invoker = true) as
          select public.rest_probe_write() as written;
        grant select on public.rest_slow, public.rest_writing to anon;
        notify pgrst, 'reload schema';`);
      let slow = await rawRest(world, '/rest_slow');
      for (let attempt = 0; attempt < 50 && slow.status === 404; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        slow = await rawRest(world, '/rest_slow');
      }
      expect(slow.json, slow.text).toMatchObject({ code: '57014' });
      const writing = await rawRest(world, '/rest_writing');
      expect(writing.json, writing.text).toMatchObject({ code: '25006' });
      const logged = await admin.query('select count(*)::int as n from public.rest_probe_log');
      expect(logged.rows[0]).toEqual({ n: 0 });
    } finally {
      await admin.query(`
        drop view if exists public.rest_slow, public.rest_writing;
        drop function if exists public.rest_probe_sleep(), public.rest_probe_write();
        drop table if exists public.rest_probe_log;
        notify pgrst, 'reload schema';`);
      await admin.end();
    }
  });
});

describe('paths', () => {
  it('routes /rpc/<fn> to the function and any other nested path to 404 PGRST125', async () => {
    const rpc = await rawRest(world, '/rpc/rest_add?a=2&b=3');
    expect(rpc).toMatchObject({ status: 200, json: 5 });
    for (const path of ['/rest_books/1', '/rpcs/rest_add', '/rpc/rest_add/extra']) {
      const response = await rawRest(world, path);
      expect(response.status, path).toBe(404);
      expect((response.json as { code: string }).code, path).toBe('PGRST125');
    }
  });
});
