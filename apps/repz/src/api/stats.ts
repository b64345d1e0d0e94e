import { useQuery } from '@tanstack/react-query';
import type { ProgressPeriod } from '@alawein/repz-domain';
import { useSupabase } from '@alawein/supabase-client';
import { browserTimeZone } from '../lib/age.ts';
import { apiPath, callApi } from '../lib/api-client.ts';
import { progressKeys, statsKeys } from './keys.ts';

export interface Stats {
  streak_days: number;
  week_volume_kg: number;
  workouts_this_week: number;
  personal_records_30d: {
    exercise_id: string;
    exercise_name: string;
    weight_kg: number;
    previous_best_kg: number | null;
  }[];
}

export function useStatsQuery() {
  const client = useSupabase();
  return useQuery({
    queryKey: statsKeys.detail('me'),
    queryFn: () => callApi<Stats>(client, apiPath('stats', { tz: browserTimeZone() })),
  });
}

export interface ProgressPointDto {
  date: string;
  max_weight_kg: number;
  volume_kg: number;
  e1rm_epley_kg: number | null;
  e1rm_brzycki_kg: number | null;
}

export interface Progress {
  exercise_id: string;
  period: ProgressPeriod;
  points: ProgressPointDto[];
  personal_records: {
    max_weight_kg: number | null;
    max_volume_kg: number | null;
    max_e1rm_kg: number | null;
  };
}

/** An exercise's progress over a period (a client's, for their active coach, with `athlete`). */
export function useProgressQuery(
  exerciseId: string | undefined,
  period: ProgressPeriod,
  athlete?: string,
) {
  const client = useSupabase();
  return useQuery({
    queryKey: progressKeys.list({ exerciseId, period, athlete }),
    enabled: Boolean(exerciseId),
    queryFn: () =>
      callApi<Progress>(
        client,
        apiPath('progress', { exercise_id: exerciseId, period, athlete, tz: browserTimeZone() }),
      ),
    placeholderData: (previous) => previous,
  });
}
