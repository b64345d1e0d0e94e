// A saved circuit's run history; a run on the server; recording the browser's run.
import { type BrowserRunInput, qmlabApi } from '@alawein/qmlab-domain';
import { callFunction, createQueryKeys, useSupabase } from '@alawein/supabase-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export const runKeys = createQueryKeys('qmlab-runs');

export function useRunsQuery(circuitId: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: runKeys.detail(circuitId),
    queryFn: () => callFunction(client, qmlabApi.listRuns, { params: { id: circuitId } }),
  });
}

/** Runs the saved circuit on the server (qmlab-api), which records it. */
export function useServerRunMutation(circuitId: string) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shots: number) =>
      callFunction(client, qmlabApi.run, { body: { circuit_id: circuitId, shots } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.detail(circuitId) }),
  });
}

/** Records the run the browser's worker computed. */
export function useRecordRunMutation(circuitId: string) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (run: BrowserRunInput) =>
      callFunction(client, qmlabApi.recordBrowserRun, { params: { id: circuitId }, body: run }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.detail(circuitId) }),
  });
}
