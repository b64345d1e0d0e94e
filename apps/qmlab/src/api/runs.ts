// A saved circuit's run history; a run on the server; recording the browser's run.
import {
  type BrowserRunInput,
  runListSchema,
  runResultSchema,
  runSchema,
} from '@alawein/qmlab-domain';
import { createQueryKeys, useSupabase } from '@alawein/supabase-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPath, callApi } from './client.ts';

export const runKeys = createQueryKeys('qmlab-runs');

export function useRunsQuery(circuitId: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: runKeys.detail(circuitId),
    queryFn: () => callApi(client, runListSchema, apiPath(`circuits/${circuitId}/runs`)),
  });
}

/** Runs the saved circuit on the server (qmlab-api), which records it. */
export function useServerRunMutation(circuitId: string) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shots: number) =>
      callApi(client, runResultSchema, apiPath('run'), 'POST', { circuit_id: circuitId, shots }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.detail(circuitId) }),
  });
}

/** Records the run the browser's worker computed. */
export function useRecordRunMutation(circuitId: string) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (run: BrowserRunInput) =>
      callApi(client, runSchema, apiPath(`circuits/${circuitId}/runs`), 'POST', run),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.detail(circuitId) }),
  });
}
