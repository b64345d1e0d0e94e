import { describe, expect, it } from 'vitest';
import {
  CIRCULAR,
  REDACTED,
  TRUNCATED,
  createRedactor,
  isSensitiveKey,
  redact,
  scrubString,
  serializeError,
} from './redact.ts';
import { isLuhnValid } from './luhn.ts';

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24ifQ.625_WdcF3KHqz5amU0x2X5WWHP-OEs_4qj0ssLNHzTs';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('isSensitiveKey', () => {
  it.each([
    'password',
    'newPassword',
    'token',
    'access_token',
    'refresh_token',
    'Authorization',
    'apikey',
    'X-Api-Key',
    'apiKey',
    'cookie',
    'Set-Cookie',
    'client_secret',
    'SUPABASE_SERVICE_ROLE_KEY',
    'privateKey',
    'cardNumber',
    'cvv',
  ])('redacts %s', (key) => expect(isSensitiveKey(key)).toBe(true));

  it.each(['userId', 'email', 'duration', 'status', 'author', 'keyboard', 'monkey', 'queryKey'])(
    'keeps %s',
    (key) => expect(isSensitiveKey(key)).toBe(false),
  );

  it('accepts extra names and patterns', () => {
    expect(isSensitiveKey('dateOfBirth', ['date_of_birth'])).toBe(true);
    expect(isSensitiveKey('ssn', [/^ssn$/])).toBe(true);
    expect(isSensitiveKey('ssn')).toBe(false);
  });
});

describe('card numbers and JWTs in text', () => {
  it('knows the Luhn checksum', () => {
    expect(isLuhnValid('4242424242424242')).toBe(true);
    expect(isLuhnValid('4242424242424241')).toBe(false);
    expect(isLuhnValid('378282246310005')).toBe(true);
  });

  it('replaces Luhn-valid 13-19 digit runs, grouped or not', () => {
    expect(scrubString('paid with 4242424242424242 today')).toBe(`paid with ${REDACTED} today`);
    expect(scrubString('card 4242 4242 4242 4242')).toBe(`card ${REDACTED}`);
    expect(scrubString('amex 3782-822463-10005.')).toBe(`amex ${REDACTED}.`);
    expect(scrubString('6011111111111117')).toBe(REDACTED);
  });

  it('keeps numbers that are not card numbers', () => {
    expect(scrubString('order 4242424242424241')).toBe('order 4242424242424241'); // fails Luhn
    expect(scrubString('id 424242424242')).toBe('id 424242424242'); // 12 digits
    expect(scrubString('big 42424242424242424242424')).toBe('big 42424242424242424242424'); // longer run
    // A UUID whose digit groups happen to be Luhn-valid (seen in CI as a logged user id).
    const id = '508e3141-6308-4352-9122-c7cf6bc94b63';
    expect(isLuhnValid('3141630843529122')).toBe(true);
    expect(scrubString(`user ${id}`)).toBe(`user ${id}`);
    expect(scrubString('12345678-1234-1234-1234-123456789012')).toBe(
      '12345678-1234-1234-1234-123456789012',
    );
  });

  it('replaces JWTs, also inside a bearer header', () => {
    expect(scrubString(jwt)).toBe(REDACTED);
    expect(scrubString(`Bearer ${jwt}`)).toBe(`Bearer ${REDACTED}`);
    expect(scrubString('eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.')).toBe(REDACTED); // unsigned
  });
});

describe('redact', () => {
  it('redacts sensitive keys at any depth, in arrays and maps', () => {
    const input = {
      userId: 'u1',
      session: { access_token: 'a', refresh_token: 'r', user: { id: 'u1', email: 'a@b.c' } },
      requests: [{ headers: { Authorization: 'Bearer x', accept: 'json' } }],
      lookup: new Map<string, unknown>([
        ['apikey', 'k'],
        ['region', 'eu'],
      ]),
      nested: { a: { b: { c: { password: { hash: 'object values go too' } } } } },
    };
    expect(redact(input)).toEqual({
      userId: 'u1',
      session: {
        access_token: REDACTED,
        refresh_token: REDACTED,
        user: { id: 'u1', email: 'a@b.c' },
      },
      requests: [{ headers: { Authorization: REDACTED, accept: 'json' } }],
      lookup: { apikey: REDACTED, region: 'eu' },
      nested: { a: { b: { c: { password: REDACTED } } } },
    });
  });

  it('redacts fetch Headers by name', () => {
    const headers = new Headers({
      authorization: 'Bearer x',
      'content-type': 'application/json',
      cookie: 'sb=1',
    });
    expect(redact({ headers })).toEqual({
      headers: { authorization: REDACTED, 'content-type': 'application/json', cookie: REDACTED },
    });
  });

  it('redacts values that look like secrets under innocent keys', () => {
    expect(redact({ note: `token is ${jwt}`, payment: ['4242424242424242'] })).toEqual({
      note: `token is ${REDACTED}`,
      payment: [REDACTED],
    });
  });

  it('does not mutate its input', () => {
    const input = deepFreeze({ password: 'p', list: [{ token: 't' }], when: new Date(0) });
    const snapshot = structuredClone(input);
    expect(() => redact(input)).not.toThrow();
    expect(input).toEqual(snapshot);
  });

  it('marks cycles and keeps shared references that are not cycles', () => {
    const shared = { id: 1 };
    const node: Record<string, unknown> = { name: 'root', left: shared, right: shared };
    node.self = node;
    node.children = [node];
    expect(redact(node)).toEqual({
      name: 'root',
      left: { id: 1 },
      right: { id: 1 },
      self: CIRCULAR,
      children: [CIRCULAR],
    });
  });

  it('produces JSON-safe output for awkward values', () => {
    const output = redact({
      big: 10n,
      fn: function handler() {},
      when: new Date('2026-01-01T00:00:00Z'),
      bad: new Date(Number.NaN),
      set: new Set([1, 2]),
      bytes: new Uint8Array(4),
      url: new URL('https://example.com/a?b=1'),
    });
    expect(output).toEqual({
      big: '10',
      fn: '[Function handler]',
      when: '2026-01-01T00:00:00.000Z',
      bad: 'Invalid Date',
      set: [1, 2],
      bytes: '[Uint8Array(4)]',
      url: 'https://example.com/a?b=1',
    });
    expect(() => JSON.stringify(output)).not.toThrow();
  });

  it('truncates very deep values', () => {
    const shallow = createRedactor({ maxDepth: 2 });
    expect(shallow({ a: { b: { c: 1 } } })).toEqual({ a: { b: TRUNCATED } });
  });

  it('survives throwing getters', () => {
    const input = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(redact(input)).toEqual({ boom: '[Unreadable]' });
  });
});

describe('serializeError', () => {
  it('keeps name, message, stack, cause and own fields, redacted', () => {
    const cause = new TypeError('fetch failed');
    const error = Object.assign(new Error(`rejected ${jwt}`, { cause }), {
      code: '23505',
      apikey: 'k',
    });
    const output = serializeError(error) as Record<string, unknown>;
    expect(output).toMatchObject({
      name: 'Error',
      message: `rejected ${REDACTED}`,
      code: '23505',
      apikey: REDACTED,
      cause: { name: 'TypeError', message: 'fetch failed' },
    });
    expect(output.stack).toEqual(expect.stringContaining('redact.test.ts'));
    expect(output.stack).not.toContain(jwt);
    expect((output.cause as { stack?: string }).stack).toEqual(expect.any(String));
  });

  it('includes the errors of an AggregateError and handles cyclic causes', () => {
    const error = new AggregateError([new Error('one'), new Error('two')], 'both failed');
    (error as { cause?: unknown }).cause = error;
    expect(serializeError(error)).toMatchObject({
      name: 'AggregateError',
      message: 'both failed',
      cause: CIRCULAR,
      errors: [{ message: 'one' }, { message: 'two' }],
    });
  });

  it('passes thrown non-errors through', () => {
    expect(serializeError('plain string')).toBe('plain string');
    expect(serializeError({ reason: 'x' })).toEqual({ reason: 'x' });
  });
});
