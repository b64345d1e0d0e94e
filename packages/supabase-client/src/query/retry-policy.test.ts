import {
  AuthApiError,
  AuthRetryableFetchError,
  FunctionsFetchError,
  FunctionsHttpError,
  StorageApiError,
} from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { SupabaseRequestError, unwrap } from '../errors.ts';
import {
  getErrorStatus,
  getRetryAfterMs,
  isNetworkError,
  parseRetryAfter,
} from './error-status.ts';
import { createRetryPolicy, isRetryableError } from './retry-policy.ts';

const http = (status: number) => new SupabaseRequestError({ message: `HTTP ${status}` }, status);

describe('isRetryableError', () => {
  it.each([408, 429, 500, 502, 503, 504, 520, 599])('retries status %i', (status) =>
    expect(isRetryableError(http(status))).toBe(true),
  );

  it.each([400, 401, 403, 404, 406, 409, 413, 422, 600])('does not retry status %i', (status) =>
    expect(isRetryableError(http(status))).toBe(false),
  );

  it('retries network failures as each client reports them', () => {
    expect(
      isRetryableError(new SupabaseRequestError({ message: 'TypeError: fetch failed' }, 0)),
    ).toBe(true);
    expect(isRetryableError(new TypeError('Failed to fetch'))).toBe(true); // Chromium
    expect(isRetryableError(new TypeError('fetch failed'))).toBe(true); // Node
    expect(isRetryableError(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(
      true,
    ); // Firefox
    expect(isRetryableError(new TypeError('Load failed'))).toBe(true); // Safari
    expect(isRetryableError(new AuthRetryableFetchError('fetch failed', 0))).toBe(true);
    expect(isRetryableError(new FunctionsFetchError(new TypeError('fetch failed')))).toBe(true);
  });

  it('does not retry aborts, bugs or validation errors', () => {
    expect(isRetryableError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(
      isRetryableError(new TypeError("Cannot read properties of undefined (reading 'id')")),
    ).toBe(false);
    expect(isRetryableError(new Error('preferred_units must be kg or lb'))).toBe(false);
    expect(isRetryableError('a string')).toBe(false);
    expect(isRetryableError(null)).toBe(false);
  });

  it('reads the status of auth, functions, storage and PostgREST errors', () => {
    expect(
      getErrorStatus(new AuthApiError('Invalid login credentials', 400, 'invalid_credentials')),
    ).toBe(400);
    expect(
      isRetryableError(new AuthApiError('Too many requests', 429, 'over_request_rate_limit')),
    ).toBe(true);
    expect(isRetryableError(new AuthRetryableFetchError('Bad gateway', 502))).toBe(true);
    expect(getErrorStatus(new FunctionsHttpError(new Response('{}', { status: 422 })))).toBe(422);
    expect(getErrorStatus(new StorageApiError('Payload too large', 413, '413'))).toBe(413);
    expect(() =>
      unwrap({ data: null, error: { message: 'dup', code: '23505' }, status: 409 }),
    ).toThrow(expect.objectContaining({ status: 409, code: '23505' }) as Error);
    expect(isNetworkError(http(503))).toBe(false);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');

  it('parses seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });

  it('finds the header on a FunctionsHttpError response, a response, or plain headers', () => {
    const fn = new FunctionsHttpError(
      new Response('{}', { status: 429, headers: { 'Retry-After': '3' } }),
    );
    expect(getRetryAfterMs(fn)).toBe(3000);
    expect(
      getRetryAfterMs({ status: 503, response: { headers: new Headers({ 'retry-after': '2' }) } }),
    ).toBe(2000);
    expect(getRetryAfterMs({ status: 429, headers: { 'Retry-After': '1' } })).toBe(1000);
    expect(getRetryAfterMs(http(429))).toBeUndefined();
  });
});

describe('createRetryPolicy', () => {
  it('retries at most 3 times by default', () => {
    const { retry } = createRetryPolicy();
    expect([0, 1, 2, 3].map((count) => retry(count, http(503)))).toEqual([true, true, true, false]);
  });

  it('backs off exponentially with jitter, capped', () => {
    const high = createRetryPolicy({ random: () => 1 - Number.EPSILON });
    const low = createRetryPolicy({ random: () => 0 });
    expect([0, 1, 2, 3].map((n) => high.retryDelay(n, http(503)))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect([0, 1, 2, 3].map((n) => low.retryDelay(n, http(503)))).toEqual([500, 1000, 2000, 4000]);
    expect(high.retryDelay(10, http(503))).toBe(30_000);
  });

  it('waits as long as Retry-After says, and gives up when that is beyond the cap', () => {
    const policy = createRetryPolicy({ maxDelayMs: 10_000 });
    const soon = { status: 429, headers: { 'retry-after': '4' } };
    const late = { status: 429, headers: { 'retry-after': '60' } };
    expect(policy.retry(0, soon)).toBe(true);
    expect(policy.retryDelay(0, soon)).toBe(4000);
    expect(policy.retry(0, late)).toBe(false);
  });
});
