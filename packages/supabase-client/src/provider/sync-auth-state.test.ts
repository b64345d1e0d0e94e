import type { Session } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { authKeys } from '../auth/auth-keys.ts';
import { createQueryClient } from '../query/query-client.ts';
import { applyAuthEvent } from './sync-auth-state.ts';

const sessionOf = (userId: string, accessToken = 'token-1') =>
  ({ access_token: accessToken, user: { id: userId } }) as unknown as Session;

function cacheWith(session: Session | null | undefined) {
  const queryClient = createQueryClient();
  if (session !== undefined) queryClient.setQueryData(authKeys.session(), session);
  queryClient.setQueryData(['products', 'list', {}], ['public catalogue']);
  queryClient.setQueryData(['profiles', 'detail', 'u1'], { id: 'u1' });
  const isStale = (key: readonly unknown[]) =>
    queryClient.getQueryState(key)?.isInvalidated ?? false;
  return { queryClient, isStale };
}

describe('applyAuthEvent', () => {
  it('fills the session on the initial event without touching other data', () => {
    const { queryClient, isStale } = cacheWith(undefined);
    applyAuthEvent(queryClient, 'INITIAL_SESSION', sessionOf('u1'));
    expect(queryClient.getQueryData(authKeys.session())).toEqual(sessionOf('u1'));
    expect(queryClient.getQueryData(['profiles', 'detail', 'u1'])).toEqual({ id: 'u1' });
    expect(isStale(['products', 'list', {}])).toBe(false);
  });

  it('drops everything on sign-out', () => {
    const { queryClient } = cacheWith(sessionOf('u1'));
    applyAuthEvent(queryClient, 'SIGNED_OUT', null);
    expect(queryClient.getQueryData(['profiles', 'detail', 'u1'])).toBeUndefined();
    expect(queryClient.getQueryData(['products', 'list', {}])).toBeUndefined();
    expect(queryClient.getQueryData(authKeys.session())).toBeNull();
  });

  it('drops everything when another user signs in', () => {
    const { queryClient } = cacheWith(sessionOf('u1'));
    applyAuthEvent(queryClient, 'SIGNED_IN', sessionOf('u2'));
    expect(queryClient.getQueryData(['profiles', 'detail', 'u1'])).toBeUndefined();
    expect(queryClient.getQueryData(authKeys.session())).toEqual(sessionOf('u2'));
  });

  it('keeps but refetches data when signing in from signed out', () => {
    const { queryClient, isStale } = cacheWith(null);
    applyAuthEvent(queryClient, 'SIGNED_IN', sessionOf('u1'));
    expect(queryClient.getQueryData(['products', 'list', {}])).toEqual(['public catalogue']);
    expect(isStale(['products', 'list', {}])).toBe(true);
    expect(isStale(authKeys.session())).toBe(false);
  });

  it('only swaps the session on token refresh', () => {
    const { queryClient, isStale } = cacheWith(sessionOf('u1'));
    applyAuthEvent(queryClient, 'TOKEN_REFRESHED', sessionOf('u1', 'token-2'));
    expect(queryClient.getQueryData<Session>(authKeys.session())?.access_token).toBe('token-2');
    expect(queryClient.getQueryData(['profiles', 'detail', 'u1'])).toEqual({ id: 'u1' });
    expect(isStale(['profiles', 'detail', 'u1'])).toBe(false);
  });
});
