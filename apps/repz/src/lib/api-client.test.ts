import { describe, expect, it } from 'vitest';
import { getErrorStatus, getRetryAfterMs, isRetryableError } from '@alawein/supabase-client';
import { ApiError, apiPath } from './api-client.ts';

describe('apiPath', () => {
  it('builds the function path with the query string, leaving out empty values', () => {
    expect(
      apiPath('workouts', { limit: 10, offset: 0, from: undefined, to: '', tz: 'Europe/Paris' }),
    ).toBe('repz-api/workouts?limit=10&offset=0&tz=Europe%2FParis');
    expect(apiPath('/coach/invite')).toBe('repz-api/coach/invite');
  });
});

describe('ApiError', () => {
  it('carries what the shared retry policy reads: the status and Retry-After', () => {
    const limited = new ApiError(
      429,
      'rate_limited',
      'too many requests',
      undefined,
      new Headers({ 'retry-after': '7' }),
    );
    expect(getErrorStatus(limited)).toBe(429);
    expect(getRetryAfterMs(limited)).toBe(7000);
    expect(isRetryableError(limited)).toBe(true);
    expect(
      isRetryableError(new ApiError(422, 'invalid_value', 'sets.0.reps: too big', 'sets.0.reps')),
    ).toBe(false);
  });
});
