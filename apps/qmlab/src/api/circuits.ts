// Saved circuits: list/search, one circuit, save, change, delete, fork, and the shared view.
import {
  circuitPageSchema,
  circuitSchema,
  type CircuitInput,
  type CircuitPatch,
  sharedCircuitSchema,
} from '@alawein/qmlab-domain';
import { createQueryKeys, useSupabase } from '@alawein/supabase-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiPath, callApi } from './client.ts';

export const circuitKeys = createQueryKeys('qmlab-circuits');
export const sharedKeys = createQueryKeys('qmlab-shared');

export function useCircuitsQuery(search: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: circuitKeys.list({ search }),
    queryFn: () => callApi(client, circuitPageSchema, apiPath('circuits', { search, limit: 100 })),
    placeholderData: keepPreviousData,
  });
}

export function useCircuitQuery(id: string | undefined) {
  const client = useSupabase();
  return useQuery({
    queryKey: circuitKeys.detail(id ?? ''),
    enabled: id !== undefined,
    queryFn: () => callApi(client, circuitSchema, apiPath(`circuits/${id}`)),
  });
}

export function useSharedCircuitQuery(token: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: sharedKeys.detail(token),
    queryFn: () => callApi(client, sharedCircuitSchema, apiPath(`shared/${token}`)),
  });
}

/** Saves a new circuit, or changes one when `id` is given. */
export function useSaveCircuitMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CircuitInput | CircuitPatch }) =>
      callApi(
        client,
        circuitSchema,
        apiPath(id ? `circuits/${id}` : 'circuits'),
        id ? 'PATCH' : 'POST',
        input,
      ),
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
    mutationFn: (id: string) => callApi(client, z.null(), apiPath(`circuits/${id}`), 'DELETE'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: circuitKeys.all }),
  });
}

export function useForkMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      callApi(client, circuitSchema, apiPath(`shared/${token}/fork`), 'POST'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: circuitKeys.lists() }),
  });
}
