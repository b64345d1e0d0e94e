import type { AuthChangeEvent, Session } from '@supabase/supabase-js';
import type { QueryClient } from '@tanstack/react-query';
import { authKeys } from '../auth/auth-keys.ts';

/**
 * Mirrors an auth event into the query cache (SupabaseProvider calls it for every event, also
 * those caused in another tab):
 * - signed out, or a different user signed in: every cached query is dropped, so nothing of the
 *   previous user stays on screen;
 * - signed in from signed out: cached queries are kept but refetched, since RLS may now return more;
 * - token refresh or user update: only the session entry changes.
 */
export function applyAuthEvent(
  queryClient: QueryClient,
  event: AuthChangeEvent,
  session: Session | null,
): void {
  const previous = queryClient.getQueryData<Session | null>(authKeys.session());
  const previousUserId = previous?.user.id;
  const nextUserId = session?.user.id;
  if (event === 'SIGNED_OUT' || (previousUserId !== undefined && previousUserId !== nextUserId)) {
    queryClient.removeQueries();
  } else if (previous === null && nextUserId !== undefined) {
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] !== authKeys.all[0],
    });
  }
  queryClient.setQueryData(authKeys.session(), session);
}
