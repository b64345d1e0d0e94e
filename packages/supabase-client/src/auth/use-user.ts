import type { AuthError, Session, User } from '@supabase/supabase-js';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useSupabase } from '../provider/supabase-context.ts';
import { authKeys } from './auth-keys.ts';
import { fetchSession } from './use-session.ts';

const selectUser = (session: Session | null): User | null => session?.user ?? null;

/** The signed-in user from the session (no extra request); `data` is null when signed out. */
export function useUser(): UseQueryResult<User | null, AuthError> {
  const client = useSupabase();
  return useQuery({
    queryKey: authKeys.session(),
    queryFn: () => fetchSession(client),
    staleTime: Infinity,
    select: selectUser,
  });
}
