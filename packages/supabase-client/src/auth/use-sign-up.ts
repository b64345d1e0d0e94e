import type { AuthError, Session, User } from '@supabase/supabase-js';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useSupabase } from '../provider/supabase-context.ts';
import { authKeys } from './auth-keys.ts';

export interface SignUpVariables {
  email: string;
  password: string;
  /** Stored as user_metadata; the profile trigger reads `display_name` from it. */
  metadata?: { display_name?: string } & Record<string, unknown>;
  /** Where the confirmation e-mail links to, when confirmations are on. */
  emailRedirectTo?: string;
}

export interface SignUpResult {
  user: User | null;
  /** Null when the project requires e-mail confirmation before the first sign-in. */
  session: Session | null;
}

/** E-mail and password sign-up; signs the user in when the server returns a session. */
export function useSignUp(): UseMutationResult<SignUpResult, AuthError, SignUpVariables> {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, password, metadata, emailRedirectTo }) => {
      const options: { data?: object; emailRedirectTo?: string } = {};
      if (metadata) options.data = metadata;
      if (emailRedirectTo) options.emailRedirectTo = emailRedirectTo;
      const { data, error } = await client.auth.signUp({ email, password, options });
      if (error) throw error;
      return { user: data.user, session: data.session };
    },
    onSuccess: ({ session }) => {
      if (session) queryClient.setQueryData(authKeys.session(), session);
    },
  });
}
