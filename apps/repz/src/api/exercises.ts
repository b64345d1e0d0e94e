import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, useSupabase } from '@alawein/supabase-client';
import type { Exercise } from '../lib/exercise-search.ts';
import { exerciseKeys } from './keys.ts';

export type { Exercise };

export const MUSCLE_GROUPS = [
  'chest',
  'back',
  'shoulders',
  'biceps',
  'triceps',
  'forearms',
  'core',
  'quadriceps',
  'hamstrings',
  'glutes',
  'calves',
  'full_body',
] as const;
export const EQUIPMENT = [
  'barbell',
  'dumbbell',
  'machine',
  'cable',
  'bodyweight',
  'kettlebell',
  'band',
  'other',
] as const;

/** The library (global rows and the user's own) — under 200 rows, so it is loaded once and searched in memory. */
export function useExercisesQuery() {
  const client = useSupabase();
  return useQuery({
    queryKey: exerciseKeys.lists(),
    queryFn: async () =>
      unwrap(
        await client
          .from('repz_exercises')
          .select('id, name, muscle_group, equipment, owner_id')
          .order('name'),
      ),
  });
}

export function useCreateExerciseMutation(ownerId: string) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { name: string; muscle_group: string; equipment: string }) =>
      unwrap(
        await client
          .from('repz_exercises')
          .insert({ ...input, name: input.name.trim(), owner_id: ownerId })
          .select('id, name, muscle_group, equipment, owner_id')
          .single(),
      ) as Exercise,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exerciseKeys.all }),
  });
}
