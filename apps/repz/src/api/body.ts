import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityLevel, ProgressEntryInput, Sex } from '@alawein/repz-domain';
import { unwrap, useSupabase } from '@alawein/supabase-client';
import { bodyKeys } from './keys.ts';

export interface BodyEntry {
  day: string;
  body_weight_kg: number | null;
  body_fat_pct: number | null;
}

export interface BodyProfile {
  height_cm: number | null;
  birth_date: string | null;
  sex: Sex | null;
  activity_level: ActivityLevel;
}

/** The user's daily body metrics, oldest first (the trend chart's order). */
export function useBodyEntriesQuery(ownerId: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: bodyKeys.list({ ownerId }),
    queryFn: async () =>
      unwrap(
        await client
          .from('repz_progress')
          .select('day, body_weight_kg, body_fat_pct')
          .eq('owner_id', ownerId)
          .order('day')
          .limit(1000),
      ),
  });
}

/** Records a day's metrics; a second entry for the same day replaces the first. */
export function useSaveBodyEntryMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (entry: ProgressEntryInput) =>
      unwrap(
        await client
          .from('repz_progress')
          .upsert(
            {
              day: entry.day,
              body_weight_kg: entry.body_weight_kg ?? null,
              body_fat_pct: entry.body_fat_pct ?? null,
            },
            { onConflict: 'owner_id,day' },
          )
          .select('day')
          .single(),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bodyKeys.all }),
  });
}

export function useBodyProfileQuery(ownerId: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: bodyKeys.detail(ownerId),
    queryFn: async () =>
      unwrap(
        await client
          .from('repz_body_profiles')
          .select('height_cm, birth_date, sex, activity_level')
          .eq('id', ownerId)
          .maybeSingle(),
      ) as BodyProfile | null,
  });
}

export function useSaveBodyProfileMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (profile: BodyProfile) =>
      unwrap(
        await client
          .from('repz_body_profiles')
          .upsert(profile, { onConflict: 'id' })
          .select('id')
          .single(),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bodyKeys.all }),
  });
}
