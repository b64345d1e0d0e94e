import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { AppSupabaseClient } from '../client/types.ts';
import { unwrap, type SupabaseRequestError } from '../errors.ts';
import { useUser } from '../auth/use-user.ts';
import { useSupabase } from '../provider/supabase-context.ts';
import { profileKeys } from './profile-keys.ts';
import { toProfile } from './to-profile.ts';
import { PROFILE_COLUMNS, type Profile, type ProfileUpdate } from './profile.types.ts';

/** Updates the editable columns of `userId`'s profile and returns the saved row. */
export async function updateProfile(
  client: AppSupabaseClient,
  userId: string,
  changes: ProfileUpdate,
): Promise<Profile> {
  const response = await client
    .from('profiles')
    .update(changes)
    .eq('id', userId)
    .select(PROFILE_COLUMNS)
    .single();
  return toProfile(unwrap(response));
}

/**
 * Saves changes to the signed-in user's profile and puts the saved row in the cache. Invalid
 * values are rejected by the table's check constraints (400, constraint named after the column).
 */
export function useUpdateProfile(): UseMutationResult<
  Profile,
  SupabaseRequestError | Error,
  ProfileUpdate
> {
  const client = useSupabase();
  const queryClient = useQueryClient();
  const userId = useUser().data?.id;
  return useMutation({
    mutationFn: (changes) => {
      if (userId === undefined) return Promise.reject(new Error('Sign in to update your profile'));
      return updateProfile(client, userId, changes);
    },
    onSuccess: (profile) => queryClient.setQueryData(profileKeys.detail(profile.id), profile),
  });
}
