import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { repzApi, workoutSchema, type WorkoutInput } from '@alawein/repz-domain';
import { callFunction, unwrap, useSupabase } from '@alawein/supabase-client';
import { browserTimeZone } from '../lib/age.ts';
import { progressKeys, statsKeys, workoutKeys } from './keys.ts';

export type { Workout, WorkoutPage } from '@alawein/repz-domain';

export interface WorkoutFilters {
  from?: string;
  to?: string;
  limit: number;
  offset: number;
  athlete?: string;
}

/** A page of workouts, newest first (a client's, for their active coach, with `athlete`). */
export function useWorkoutsQuery(filters: WorkoutFilters) {
  const client = useSupabase();
  return useQuery({
    queryKey: workoutKeys.list(filters),
    queryFn: () =>
      callFunction(client, repzApi.listWorkouts, {
        query: { ...filters, tz: browserTimeZone() },
      }),
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
      const workout = unwrap(await client.rpc('repz_workout_json', { id: id! }));
      if (!workout) throw new Error('This workout does not exist or is not yours.');
      return workoutSchema.parse(workout);
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
      id
        ? callFunction(client, repzApi.replaceWorkout, { params: { id }, body: input })
        : callFunction(client, repzApi.createWorkout, { body: input }),
    onSuccess: invalidate,
  });
}

export function useDeleteWorkoutMutation() {
  const client = useSupabase();
  const invalidate = useInvalidateTraining();
  return useMutation({
    mutationFn: (id: string) => callFunction(client, repzApi.deleteWorkout, { params: { id } }),
    onSuccess: invalidate,
  });
}
