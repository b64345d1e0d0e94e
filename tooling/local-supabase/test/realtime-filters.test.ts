// The postgres_changes filter grammar realtime-js writes (RealtimePostgresFilterBuilder included).
import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, parseFilter } from '../src/realtime/filters.ts';

describe('parseFilter', () => {
  it('reads column=operator.value for every supported operator', () => {
    for (const operator of ['eq', 'neq', 'lt', 'lte', 'gt', 'gte'] as const) {
      expect(parseFilter(`qty=${operator}.3`)).toEqual([{ column: 'qty', operator, value: '3' }]);
    }
  });

  it('keeps dots, and quoted commas and parentheses, inside values', () => {
    expect(parseFilter('email=eq.a.b@example.com')).toEqual([
      { column: 'email', operator: 'eq', value: 'a.b@example.com' },
    ]);
    expect(parseFilter('name=eq."a,b (c)"')).toEqual([
      { column: 'name', operator: 'eq', value: 'a,b (c)' },
    ]);
    expect(parseFilter('name=eq."say \\"hi\\""')).toEqual([
      { column: 'name', operator: 'eq', value: 'say "hi"' },
    ]);
  });

  it('reads in-lists, with quoted items', () => {
    expect(parseFilter('status=in.(red,"blue, dark",3)')).toEqual([
      { column: 'status', operator: 'in', value: ['red', 'blue, dark', '3'] },
    ]);
  });

  it('joins comma-separated conditions with AND', () => {
    expect(parseFilter('id=gt.0,id=lt.100')).toEqual([
      { column: 'id', operator: 'gt', value: '0' },
      { column: 'id', operator: 'lt', value: '100' },
    ]);
  });

  it('names what is wrong', () => {
    expect(() => parseFilter('qty')).toThrow(FilterSyntaxError);
    expect(() => parseFilter('qty=eq')).toThrow(/expected column=operator.value/);
    expect(() => parseFilter('qty=like.%a%')).toThrow(/operator "like" is not supported/);
    expect(() => parseFilter('status=in.red')).toThrow(/in expects a list/);
    expect(() => parseFilter('a=eq.1,')).toThrow(/expected column=operator.value/);
  });
});
