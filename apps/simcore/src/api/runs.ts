// React Query hooks over simcore-api's runs: list, one run, save, share, delete, stats.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  runPageSchema,
  runSchema,
  shareLinkSchema,
  sharedRunSchema,
  statsSchema,
  type Run,
  type RunStatus,
} from '@alawein/simcore-domain';
import { createQueryKeys, useSupabase } from '@alawein/supabase-client';
import { apiPath, callApi } from '../lib/api-client.ts';

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
    queryFn: () => callApi(client, runPageSchema, apiPath('runs', { ...filters })),
    placeholderData: (previous) => previous,
  });
}

/** One of the user's runs with its series. */
export function useRunQuery(id: string | undefined) {
  const client = useSupabase();
  return useQuery({
    queryKey: runKeys.detail(id ?? ''),
    enabled: id !== undefined,
    queryFn: () => callApi(client, runSchema, apiPath(`runs/${id}`)),
  });
}

/** Several runs with their series (the compare view). */
export function useRunsByIdQuery(ids: readonly string[]) {
  const client = useSupabase();
  return useQuery({
    queryKey: runKeys.detail(ids.join(',')),
    enabled: ids.length > 0,
    queryFn: () => Promise.all(ids.map((id) => callApi(client, runSchema, apiPath(`runs/${id}`)))),
  });
}

/** A shared run, read by its link token (signed out works). */
export function useSharedRunQuery(token: string | undefined) {
  const client = useSupabase();
  return useQuery({
    queryKey: sharedKeys.detail(token ?? ''),
    enabled: token !== undefined,
    queryFn: () => callApi(client, sharedRunSchema, apiPath(`shared/${token}`, { verify: 1 })),
    retry: false,
  });
}

export function useStatsQuery() {
  const client = useSupabase();
  return useQuery({
    queryKey: statsKeys.all,
    queryFn: () => callApi(client, statsSchema, apiPath('stats')),
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
      const created = await callApi(client, runSchema, apiPath('runs'), 'POST', {
        module: run.module,
        title: run.title,
        params: run.params,
      });
      await callApi(client, runSchema, apiPath(`runs/${created.id}/start`), 'POST');
      const computeMs = Math.round(run.computeMs);
      return run.outcome.status === 'completed'
        ? callApi(client, runSchema, apiPath(`runs/${created.id}/complete`), 'POST', {
            summary: run.outcome.summary,
            series: run.outcome.series,
            computeMs,
          })
        : callApi(client, runSchema, apiPath(`runs/${created.id}/stop`), 'POST', {
            progress: run.outcome.progress,
            computeMs,
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
      callApi(client, shareLinkSchema, apiPath(`runs/${id}/share`), 'POST', { shared }),
    onSuccess: invalidate,
  });
}

export function useDeleteRunMutation() {
  const client = useSupabase();
  const invalidate = useInvalidateRuns();
  return useMutation({
    mutationFn: (id: string) => callApi(client, z.unknown(), apiPath(`runs/${id}`), 'DELETE'),
    onSuccess: invalidate,
  });
}
