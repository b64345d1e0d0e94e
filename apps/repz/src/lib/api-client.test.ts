import { describe, expect, it } from 'vitest';
import { apiPath } from './api-client.ts';

describe('apiPath', () => {
  it('builds the function path with the query string, leaving out empty values', () => {
    expect(apiPath('workouts', { limit: 10, offset: 0, from: undefined, to: '', tz: 'Europe/Paris' })).toBe(
      'repz-api/workouts?limit=10&offset=0&tz=Europe%2FParis',
    );
    expect(apiPath('/coach/invite')).toBe('repz-api/coach/invite');
  });
});
