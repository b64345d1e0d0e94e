// Saved circuits: list/search, one circuit, save, change, delete, fork, and the shared view.
import { type CircuitInput, type CircuitPatch, qmlabApi } from '@alawein/qmlab-domain';
import { callFunction, createQueryKeys, useSupabase } from '@alawein/supabase-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export const circuitKeys = createQueryKeys('qmlab-circuits');
export const sharedKeys = createQueryKeys('qmlab-shared');

export function useCircuitsQuery(search: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: circuitKeys.list({ search }),
    queryFn: () => callFunction(client, qmlabApi.listCircuits, { query: { search, limit: 100 } }),
    placeholderData: keepPreviousData,
  });
}

export function useCircuitQuery(id: string | undefined) {
  const client = useSupabase();
  return useQuery({
    queryKey: circuitKeys.detail(id ?? ''),
    enabled: id !== undefined,
    queryFn: () => callFunction(client, qmlabApi.getCircuit, { params: { id: id! } }),
  });
}

export function useSharedCircuitQuery(token: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: sharedKeys.detail(token),
    queryFn: () => callFunction(client, qmlabApi.shared, { params: { token } }),
  });
}

/** Saves a new circuit, or changes one when `id` is given. */
export function useSaveCircuitMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CircuitInput & CircuitPatch }) =>
      id
        ? callFunction(client, qmlabApi.updateCircuit, { params: { id }, body: input })
        : callFunction(client, qmlabApi.createCircuit, { body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(circuitKeys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: circuitKeys.lists() });
    },
  });
}

export function useDeleteCircuitMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callFunction(client, qmlabApi.deleteCircuit, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: circuitKeys.all }),
  });
}

export function useForkMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => callFunction(client, qmlabApi.fork, { params: { token } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: circuitKeys.lists() }),
  });
}
