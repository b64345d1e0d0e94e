import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkoutInput } from '@alawein/repz-domain';
import { unwrap, useSupabase } from '@alawein/supabase-client';
import { browserTimeZone } from '../lib/age.ts';
import { apiPath, callApi } from '../lib/api-client.ts';
import type { StoredWorkout } from '../lib/workout-form.ts';
import { progressKeys, statsKeys, workoutKeys } from './keys.ts';

export interface WorkoutSet {
  id: string;
  exercise_id: string;
  exercise_name: string;
  set_number: number;
  reps: number;
  weight_kg: number;
  rpe: number | null;
  rest_seconds: number | null;
}

export interface Workout extends StoredWorkout {
  id: string;
  owner_id: string;
  sets: WorkoutSet[];
}

export interface WorkoutFilters {
  from?: string;
  to?: string;
  limit: number;
  offset: number;
  athlete?: string;
}

export interface WorkoutPage {
  items: Workout[];
  total: number;
}

/** A page of workouts, newest first (a client's, for their active coach, with `athlete`). */
export function useWorkoutsQuery(filters: WorkoutFilters) {
  const client = useSupabase();
  return useQuery({
    queryKey: workoutKeys.list(filters),
    queryFn: () =>
      callApi<WorkoutPage>(client, apiPath('workouts', { ...filters, tz: browserTimeZone() })),
    placeholderData: (previous) => previous,
  });
}

/** One workout with its sets, read through RLS by the same SQL function the API answers with. */
export function useWorkoutQuery(id: string | undefined) {
  const client = useSupabase();
  return useQuery({
    queryKey: workoutKeys.detail(id ?? ''),
    enabled: id !== undefined,
    queryFn: async () => {
      const workout = unwrap(
        await client.rpc('repz_workout_json', { id: id! }),
      ) as unknown as Workout | null;
      if (!workout) throw new Error('This workout does not exist or is not yours.');
      return workout;
    },
  });
}

function useInvalidateTraining() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [workoutKeys.all, statsKeys.all, progressKeys.all].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

/** Creates a workout, or replaces one (details and sets) when `id` is given. */
export function useSaveWorkoutMutation() {
  const client = useSupabase();
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: WorkoutInput }) =>
      callApi<Workout>(
        client,
        apiPath(id ? `workouts/${id}` : 'workouts'),
        id ? 'PUT' : 'POST',
        input,
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteWorkoutMutation() {
  const client = useSupabase();
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: (id: string) => callApi<null>(client, apiPath(`workouts/${id}`), 'DELETE'),
    onSuccess: invalidate,
  });
}
