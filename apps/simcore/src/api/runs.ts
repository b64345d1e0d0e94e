// React Query hooks over simcore-api's runs: list, one run, save, share, delete, stats.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { simcoreApi, type Run, type RunStatus } from '@alawein/simcore-domain';
import { callFunction, createQueryKeys, useSupabase } from '@alawein/supabase-client';

export const runKeys = createQueryKeys('simcore-runs');
const statsKeys = createQueryKeys('simcore-stats');
const sharedKeys = createQueryKeys('simcore-shared');

export interface RunFilters {
  module?: string;
  status?: RunStatus;
  limit: number;
  offset: number;
}

/** A page of the user's runs, newest first. */
export function useRunsQuery(filters: RunFilters) {
  const client = useSupabase();
  return useQuery({
    queryKey: runKeys.list(filters),
    queryFn: () => callFunction(client, simcoreApi.listRuns, { query: filters }),
    placeholderData: (previous) => previous,
  });
}

/** One of the user's runs with its series. */
export function useRunQuery(id: string | undefined) {
  const client = useSupabase();
  return useQuery({
    queryKey: runKeys.detail(id ?? ''),
    enabled: id !== undefined,
    queryFn: () => callFunction(client, simcoreApi.getRun, { params: { id: id ?? '' } }),
  });
}

/** Several runs with their series (the compare view). */
export function useRunsByIdQuery(ids: readonly string[]) {
  const client = useSupabase();
  return useQuery({
    queryKey: runKeys.detail(ids.join(',')),
    enabled: ids.length > 0,
    queryFn: () =>
      Promise.all(ids.map((id) => callFunction(client, simcoreApi.getRun, { params: { id } }))),
  });
}

/** A shared run, read by its link token (signed out works). */
export function useSharedRunQuery(token: string | undefined) {
  const client = useSupabase();
  return useQuery({
    queryKey: sharedKeys.detail(token ?? ''),
    enabled: token !== undefined,
    queryFn: () =>
      callFunction(client, simcoreApi.sharedRun, {
        params: { token: token ?? '' },
        query: { verify: '1' },
      }),
    retry: false,
  });
}

export function useStatsQuery() {
  const client = useSupabase();
  return useQuery({
    queryKey: statsKeys.all,
    queryFn: () => callFunction(client, simcoreApi.stats),
  });
}

function useInvalidateRuns() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [runKeys.all, statsKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

/** What a finished or stopped local run leaves to save. */
export interface RunToSave {
  module: string;
  title: string;
  params: Record<string, unknown>;
  outcome:
    | { status: 'completed'; summary: Record<string, number>; series: Record<string, number[]> }
    | { status: 'stopped'; progress: number };
  computeMs: number;
}

/** Saves a run computed in the browser: create, start, then complete (with results) or stop. */
export function useSaveRunMutation() {
  const client = useSupabase();
  const invalidate = useInvalidateRuns();
  return useMutation({
    mutationFn: async (run: RunToSave): Promise<Run> => {
      const created = await callFunction(client, simcoreApi.createRun, {
        body: { module: run.module, title: run.title, params: run.params },
      });
      const params = { id: created.id };
      await callFunction(client, simcoreApi.startRun, { params });
      const computeMs = Math.round(run.computeMs);
      return run.outcome.status === 'completed'
        ? callFunction(client, simcoreApi.completeRun, {
            params,
            body: { summary: run.outcome.summary, series: run.outcome.series, computeMs },
          })
        : callFunction(client, simcoreApi.stopRun, {
            params,
            body: { progress: run.outcome.progress, computeMs },
          });
    },
    onSuccess: invalidate,
  });
}

export function useShareRunMutation() {
  const client = useSupabase();
  const invalidate = useInvalidateRuns();
  return useMutation({
    mutationFn: ({ id, shared }: { id: string; shared: boolean }) =>
      callFunction(client, simcoreApi.shareRun, { params: { id }, body: { shared } }),
    onSuccess: invalidate,
  });
}

export function useDeleteRunMutation() {
  const client = useSupabase();
  const invalidate = useInvalidateRuns();
  return useMutation({
    mutationFn: (id: string) => callFunction(client, simcoreApi.deleteRun, { params: { id } }),
    onSuccess: invalidate,
  });
}
