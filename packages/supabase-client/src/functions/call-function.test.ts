import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getErrorStatus, getRetryAfterMs } from '../query/error-status.ts';
import { isRetryableError } from '../query/retry-policy.ts';
import { ApiError } from './api-error.ts';
import { functionPath, type Endpoint } from './call-function.ts';

const endpoint = (path: string): Endpoint => ({
  functionName: 'demo-api',
  method: 'GET',
  path,
  response: z.null(),
});

describe('functionPath', () => {
  it('fills :params (encoded) and appends the query, leaving out empty values', () => {
    expect(
      functionPath(
        endpoint('items/:id/parts/:part'),
        { id: 'a b', part: '7' },
        { limit: 10, offset: 0, from: undefined, to: '', none: null, tz: 'Europe/Paris' },
      ),
    ).toBe('demo-api/items/a%20b/parts/7?limit=10&offset=0&tz=Europe%2FParis');
    expect(functionPath(endpoint('coach/invite'))).toBe('demo-api/coach/invite');
  });

  it('refuses a path whose parameter was not given', () => {
    expect(() => functionPath(endpoint('items/:id'))).toThrow('missing path parameter id');
  });
});

describe('ApiError', () => {
  it('carries what the shared retry policy reads: the status and Retry-After', () => {
    const limited = new ApiError(429, 'rate_limited', 'too many requests', {
      headers: { 'Retry-After': '7' },
    });
    expect(getErrorStatus(limited)).toBe(429);
    expect(getRetryAfterMs(limited)).toBe(7000);
    expect(isRetryableError(limited)).toBe(true);
    expect(
      isRetryableError(
        new ApiError(422, 'invalid_value', 'sets.0.reps: too big', { field: 'sets.0.reps' }),
      ),
    ).toBe(false);
  });

  it('is sent as the API error body, with the field only when there is one', () => {
    expect(new ApiError(404, 'not_found', 'gone', { field: 'id' }).toBody()).toEqual({
      error: { code: 'not_found', message: 'gone', field: 'id' },
    });
    expect(new ApiError(401, 'unauthorized', 'sign in').toBody()).toEqual({
      error: { code: 'unauthorized', message: 'sign in' },
    });
  });
});
