import type { AuthError, Session } from '@supabase/supabase-js';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useSupabase } from '../provider/supabase-context.ts';
import { authKeys } from './auth-keys.ts';

export interface SignInVariables {
  email: string;
  password: string;
}

/** Password sign-in. Wrong credentials reject with AuthApiError code `invalid_credentials`. */
export function useSignIn(): UseMutationResult<Session, AuthError, SignInVariables> {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, password }) => {
      const { data, error } = await client.auth.signInWithPassword({ email, password });
      if (error) throw error;
      return data.session;
    },
    onSuccess: (session) => queryClient.setQueryData(authKeys.session(), session),
  });
}
