// Cost of one log call (redaction + entry building), sinks excluded: `pnpm --filter @alawein/logger bench`.
import { bench, describe } from 'vitest';
import { createLogger } from './logger.ts';
import type { LogEntry } from './types.ts';

let last: LogEntry | undefined;
const logger = createLogger({
  level: 'info',
  context: { app: 'repz' },
  sinks: [(entry) => (last = entry)],
});
const request = logger.child({ requestId: 'c0a8012e-7f3b-4c1e-9d1a-2b3c4d5e6f70', fn: 'repz-api' });

const session = {
  access_token:
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ZjYyIiwicm9sZSI6ImF1dGhlbnRpY2F0ZWQifQ.c2lnbmF0dXJlLWJ5dGVz',
  refresh_token: 'r-123',
  user: {
    id: '8f62',
    email: 'ada@example.com',
    app_metadata: { provider: 'email', providers: ['email'] },
  },
};
const error = new Error('duplicate key value violates unique constraint', {
  cause: new Error('23505'),
});

describe('log call', () => {
  bench('info, 2 fields', () => {
    request.info('workout saved', { userId: '8f62', duration: 41.2 });
  });
  bench('info, nested session with tokens', () => {
    request.info('signed in', {
      session,
      headers: { authorization: 'Bearer x', accept: 'application/json' },
    });
  });
  bench('error with cause', () => {
    request.error('insert failed', { error, userId: '8f62' });
  });
  bench('debug below the minimum level', () => {
    request.debug('skipped', { session });
  });
});

export const lastEntry = () => last;
