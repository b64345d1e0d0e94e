import { useQuery } from '@tanstack/react-query';
import { repzApi, type ProgressPeriod } from '@alawein/repz-domain';
import { callFunction, useSupabase } from '@alawein/supabase-client';
import { browserTimeZone } from '../lib/age.ts';
import { progressKeys, statsKeys } from './keys.ts';

export function useStatsQuery() {
  const client = useSupabase();
  return useQuery({
    queryKey: statsKeys.detail('me'),
    queryFn: () => callFunction(client, repzApi.stats, { query: { tz: browserTimeZone() } }),
  });
}

export type { ProgressResponse as Progress, Stats } from '@alawein/repz-domain';

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
      callFunction(client, repzApi.progress, {
        query: { exercise_id: exerciseId!, period, athlete, tz: browserTimeZone() },
      }),
    placeholderData: (previous) => previous,
  });
}
