import type { AuthError } from '@supabase/supabase-js';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useSupabase } from '../provider/supabase-context.ts';
import { authKeys } from './auth-keys.ts';

export interface SignOutVariables {
  /** `local`: this device only (default); `global`: every session of the user; `others`. */
  scope?: 'local' | 'global' | 'others';
}

/** Signs out and drops every cached query, so nothing of the user stays on screen. */
export function useSignOut(): UseMutationResult<void, AuthError, SignOutVariables | void> {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (variables) => {
      const { error } = await client.auth.signOut({ scope: variables?.scope ?? 'local' });
      if (error) throw error;
    },
    onSuccess: (_data, variables) => {
      if (variables?.scope === 'others') return; // this device stays signed in
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.session(), null);
    },
  });
}
