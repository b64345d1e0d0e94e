import type { AuthChangeEvent, Session } from '@supabase/supabase-js';
import type { QueryClient } from '@tanstack/react-query';
import { authKeys } from '../auth/auth-keys.ts';

/**
 * Mirrors an auth event into the query cache. When the user signs out or a different user signs
 * in (also from another tab), every cached query is dropped so no data of the previous user is
 * shown.
 */
export function applyAuthEvent(
  queryClient: QueryClient,
  event: AuthChangeEvent,
  session: Session | null,
): void {
  const previous = queryClient.getQueryData<Session | null>(authKeys.session());
  const userChanged = previous !== undefined && previous?.user.id !== session?.user.id;
  if (event === 'SIGNED_OUT' || userChanged) queryClient.removeQueries();
  queryClient.setQueryData(authKeys.session(), session);
}
