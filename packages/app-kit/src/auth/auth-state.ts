import type { User } from '@supabase/supabase-js';
import { useSession } from '@alawein/supabase-client';

export type AuthState =
  | { status: 'loading'; user: null }
  | { status: 'signed-out'; user: null }
  | { status: 'signed-in'; user: User };

/**
 * The session as three states pages can branch on. A session that cannot be restored (for example
 * a revoked refresh token) counts as signed out: the user can sign in again.
 */
export function useAuthState(): AuthState {
  const session = useSession();
  if (session.isPending) return { status: 'loading', user: null };
  const user = session.data?.user;
  return user ? { status: 'signed-in', user } : { status: 'signed-out', user: null };
}
