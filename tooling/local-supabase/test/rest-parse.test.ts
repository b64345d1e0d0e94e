// Unit tests of the /rest/v1 query-string parsers: PostgREST's grammar in, a typed tree out,
// and a PGRST100 for anything malformed.
import { describe, expect, it } from 'vitest';
import { RestError } from '../src/rest/errors.ts';
import { parseFilter, parseLogicTree } from '../src/rest/parse/filter.ts';
import { parseOrder } from '../src/rest/parse/order.ts';
import { parseQuery } from '../src/rest/parse/query.ts';
import { parseSelect } from '../src/rest/parse/select.ts';
import { parsePrefer, parseRange, responseShape } from '../src/rest/headers.ts';

function parseFailure(run: () => unknown): RestError {
  try {
    run();
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
  throw new Error('expected a RestError');
}

describe('select parser', () => {
  it('reads columns, aliases, casts and JSON paths', () => {
    expect(parseSelect('id,label:title,pages::text,lang:meta->>lang,meta->series->name')).toEqual([
      { kind: 'field', alias: null, field: { name: 'id', json: [] }, cast: null },
      { kind: 'field', alias: 'label', field: { name: 'title', json: [] }, cast: null },
      { kind: 'field', alias: null, field: { name: 'pages', json: [] }, cast: 'text' },
      {
        kind: 'field',
        alias: 'lang',
        field: { name: 'meta', json: [{ arrow: '->>', key: 'lang' }] },
        cast: null,
      },
      {
        kind: 'field',
        alias: null,
        field: {
          name: 'meta',
          json: [
            { arrow: '->', key: 'series' },
            { arrow: '->', key: 'name' },
          ],
        },
        cast: null,
      },
    ]);
  });

  it('reads embeds with hints, !inner, spreads, nesting and count()', () => {
    const [embed, spread, count] = parseSelect(
      'author:rest_authors!author_id!inner(name,rest_author_bios(*)),...rest_authors!editor_id(editor_name:name),total:count()',
    );
    expect(embed).toMatchObject({
      kind: 'embed',
      alias: 'author',
      name: 'rest_authors',
      hint: 'author_id',
      inner: true,
      spread: false,
    });
    expect(embed?.kind === 'embed' && embed.select[1]).toMatchObject({
      kind: 'embed',
      name: 'rest_author_bios',
      select: [{ kind: 'star' }],
    });
    expect(spread).toMatchObject({
      kind: 'embed',
      name: 'rest_authors',
      hint: 'editor_id',
      spread: true,
    });
    expect(count).toEqual({ kind: 'count', alias: 'total' });
  });

  it('treats an empty select as *', () => {
    expect(parseSelect('')).toEqual([{ kind: 'star' }]);
  });

  it.each(['id,(title', 'id,rel(name', 'id::text;drop', 'a:b:c', 'id,', 'rel!(x)', 'x::"text"'])(
    'rejects %j with PGRST100',
    (text) => {
      const error = parseFailure(() => parseSelect(text));
      expect(error.status).toBe(400);
      expect(error.code).toBe('PGRST100');
    },
  );
});

describe('filter parser', () => {
  it('reads operators, negation, quantifiers, lists and text-search configs', () => {
    expect(parseFilter('id', 'not.in.(1,"a,b",3)')).toMatchObject({
      op: 'in',
      negate: true,
      list: ['1', 'a,b', '3'],
    });
    expect(parseFilter('title', 'like(any).{*a*,b*}')).toMatchObject({
      op: 'like',
      quantifier: 'any',
      list: ['*a*', 'b*'],
    });
    expect(parseFilter('summary', 'wfts(english).wizard shadow')).toMatchObject({
      op: 'wfts',
      language: 'english',
      value: 'wizard shadow',
    });
    expect(parseFilter('meta->>lang', 'eq.en')).toMatchObject({
      field: { name: 'meta', json: [{ arrow: '->>', key: 'lang' }] },
      value: 'en',
    });
    expect(parseFilter('pages', 'is.NULL')).toMatchObject({ op: 'is', value: 'null' });
    expect(parseFilter('note', 'eq.a.b.c')).toMatchObject({ op: 'eq', value: 'a.b.c' });
  });

  it.each([
    ['id', 'zz.1'],
    ['id', 'eq'],
    ['id', 'is.maybe'],
    ['id', 'in.1,2'],
    ['id', 'cs(any).{1}'],
    ['summary', 'fts(eng;lish).x'],
  ])('rejects %s=%s with PGRST100', (field, value) => {
    expect(parseFailure(() => parseFilter(field, value)).code).toBe('PGRST100');
  });

  it('reads nested and/or trees with negation', () => {
    const tree = parseLogicTree(
      'or',
      false,
      '(id.eq.1,and(pages.gt.100,pages.not.is.null),not.or(title.like.*x*,id.in.(2,3)))',
    );
    expect(tree.children).toHaveLength(3);
    expect(tree.children[1]).toMatchObject({ kind: 'logic', operator: 'and', negate: false });
    expect(tree.children[2]).toMatchObject({ kind: 'logic', operator: 'or', negate: true });
    expect(tree.children[2]?.kind === 'logic' && tree.children[2].children[1]).toMatchObject({
      op: 'in',
      list: ['2', '3'],
    });
  });

  it.each(['(id.eq.1', 'id.eq.1', '()', '(id.eq.1,and(x.eq.1)', '(justafield)'])(
    'rejects the tree %j',
    (text) => {
      expect(parseFailure(() => parseLogicTree('or', false, text)).code).toBe('PGRST100');
    },
  );
});

describe('order, query and headers', () => {
  it('reads order terms with nulls placement and embedded columns', () => {
    expect(parseOrder('price.desc.nullslast,id,author(name).asc')).toEqual([
      { relation: null, field: { name: 'price', json: [] }, direction: 'desc', nulls: 'last' },
      { relation: null, field: { name: 'id', json: [] }, direction: null, nulls: null },
      { relation: 'author', field: { name: 'name', json: [] }, direction: 'asc', nulls: null },
    ]);
    expect(parseFailure(() => parseOrder('id.sideways')).code).toBe('PGRST100');
  });

  it('sorts parameters by embedding path and sets rpc arguments aside', () => {
    const query = parseQuery(
      new URLSearchParams(
        'select=id,reviews(*)&id=gt.1&reviews.stars=gte.4&reviews.order=stars.desc&reviews.limit=2&not.or=(id.eq.2,id.eq.3)&n=5&limit=10',
      ),
      new Set(['n']),
    );
    expect(query.args.get('n')).toBe('5');
    const root = query.resources.get('');
    expect(root?.limit).toBe(10);
    expect(root?.conditions).toHaveLength(2);
    expect(root?.conditions[1]).toMatchObject({ kind: 'logic', operator: 'or', negate: true });
    expect(query.resources.get('reviews')).toMatchObject({
      limit: 2,
      order: [{ direction: 'desc' }],
      conditions: [{ op: 'gte' }],
    });
    expect(parseFailure(() => parseQuery(new URLSearchParams('limit=-1'))).code).toBe('PGRST100');
  });

  it('reads Prefer, Range and Accept', () => {
    expect(
      parsePrefer(
        'return=representation, count=exact,resolution=merge-duplicates,missing=default,tx=rollback,bogus=1,handling=strict,max-affected=3',
      ),
    ).toEqual({
      return: 'representation',
      count: 'exact',
      resolution: 'merge-duplicates',
      missing: 'default',
      tx: 'rollback',
      handling: 'strict',
      maxAffected: 3,
    });
    expect(parseRange('0-24')).toEqual({ offset: 0, limit: 25 });
    expect(parseRange('10-')).toEqual({ offset: 10, limit: null });
    expect(responseShape('application/vnd.pgrst.object+json')).toBe('object');
    expect(parseFailure(() => responseShape('text/xml')).status).toBe(406);
  });
});
