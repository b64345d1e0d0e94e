import type { AuthError, Session } from '@supabase/supabase-js';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AppSupabaseClient } from '../client/types.ts';
import { useSupabase } from '../provider/supabase-context.ts';
import { authKeys } from './auth-keys.ts';

/** The stored session (refreshed by supabase-js when expired), or null when signed out. */
export async function fetchSession(client: AppSupabaseClient): Promise<Session | null> {
  const { data, error } = await client.auth.getSession();
  if (error) throw error;
  return data.session;
}

/** The current session; `data` is null when signed out. Kept live by SupabaseProvider. */
export function useSession(): UseQueryResult<Session | null, AuthError> {
  const client = useSupabase();
  return useQuery({
    queryKey: authKeys.session(),
    queryFn: () => fetchSession(client),
    // Auth events push every change into the cache, so it never goes stale by itself.
    staleTime: Infinity,
  });
}
