import { describe, expect, it } from 'vitest';
import { paramDiff } from './diff.ts';
import { exportFileName, seriesToCsv } from './export.ts';

describe('seriesToCsv', () => {
  it('writes a header and one row per point, full precision, CRLF line ends', () => {
    expect(seriesToCsv({ sweep: [1, 2], m: [0.1 + 0.2, -1e-12] })).toBe(
      'sweep,m\r\n1,0.30000000000000004\r\n2,-1e-12\r\n',
    );
  });

  it('puts the given columns first, whatever order the stored object has', () => {
    expect(seriesToCsv({ b: [2], a: [1], c: [3] }, ['a', 'b', 'z'])).toBe('a,b,c\r\n1,2,3\r\n');
  });

  it('leaves the missing cells of a shorter column empty and quotes odd names', () => {
    expect(seriesToCsv({ 'a,b': [1, 2], c: [3] })).toBe('"a,b",c\r\n1,3\r\n2,\r\n');
  });
});

describe('exportFileName', () => {
  it('makes a safe lower-case file name from a title', () => {
    expect(exportFileName('Ising T=1.5 (ordered)', 'csv')).toBe('ising-t-1.5-ordered.csv');
    expect(exportFileName('   ', 'json')).toBe('simcore-run.json');
  });
});

describe('paramDiff', () => {
  it('lists only the parameters whose values differ, vectors compared by value', () => {
    expect(
      paramDiff([
        { temperature: 1.5, size: 64, field: [0, 0, 1] },
        { temperature: 3.5, size: 64, field: [0, 0, 1] },
        { temperature: 1.5, size: 64, field: [0, 0, 1], extra: true },
      ]),
    ).toEqual([
      { name: 'temperature', values: [1.5, 3.5, 1.5] },
      { name: 'extra', values: [undefined, undefined, true] },
    ]);
  });
});
