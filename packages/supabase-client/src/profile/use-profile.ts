import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { AppSupabaseClient } from '../client/types.ts';
import { unwrap, type SupabaseRequestError } from '../errors.ts';
import { useUser } from '../auth/use-user.ts';
import { useSupabase } from '../provider/supabase-context.ts';
import { profileKeys } from './profile-keys.ts';
import { toProfile } from './to-profile.ts';
import { PROFILE_COLUMNS, type Profile } from './profile.types.ts';

/** The profile of `userId` (RLS lets a user read only their own). */
export async function fetchProfile(client: AppSupabaseClient, userId: string): Promise<Profile> {
  const response = await client.from('profiles').select(PROFILE_COLUMNS).eq('id', userId).single();
  return toProfile(unwrap(response));
}

/** The signed-in user's profile; idle (`data` undefined, not fetching) while signed out. */
export function useProfile(): UseQueryResult<Profile, SupabaseRequestError | Error> {
  const client = useSupabase();
  const userId = useUser().data?.id;
  return useQuery({
    queryKey: profileKeys.detail(userId ?? ''),
    queryFn: () => fetchProfile(client, userId!),
    enabled: userId !== undefined,
  });
}
