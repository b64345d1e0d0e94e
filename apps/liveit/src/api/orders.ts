import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callFunction, useSupabase } from '@alawein/supabase-client';
import { liveitApi, type CheckoutRequest, type Order } from '@alawein/liveit-domain';
import { cartKeys, orderKeys, productKeys } from './keys.ts';

export type { Order };

export const ORDERS_PAGE_SIZE = 10;

export function useOrdersQuery(page: number) {
  const client = useSupabase();
  return useQuery({
    queryKey: orderKeys.list({ page }),
    queryFn: () =>
      callFunction(client, liveitApi.listOrders, {
        query: { limit: ORDERS_PAGE_SIZE, offset: (page - 1) * ORDERS_PAGE_SIZE },
      }),
  });
}

export function useOrderQuery(id: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: async () => (await callFunction(client, liveitApi.getOrder, { params: { id } })).order,
  });
}

/** Places the order: the server prices it, holds the stock and clears the account's cart. */
export function useCheckoutMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckoutRequest) => callFunction(client, liveitApi.checkout, { body }),
    onSuccess: ({ order }) => {
      queryClient.setQueryData(orderKeys.detail(order.id), order);
      void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: cartKeys.all });
      void queryClient.invalidateQueries({ queryKey: productKeys.all });
    },
  });
}

function useOrderAction(route: typeof liveitApi.testPayment | typeof liveitApi.cancelOrder) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await callFunction(client, route, { params: { id } })).order,
    onSuccess: (order) => {
      queryClient.setQueryData(orderKeys.detail(order.id), order);
      void queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
    },
  });
}

/** "Continue to payment": the open Stripe page of a pending Stripe order (409/503 otherwise). */
export function useResumePaymentMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      (await callFunction(client, liveitApi.resumePayment, { params: { id } })).payment,
    // A refusal means the order moved on (paid, expired, cancelled): show its current state.
    onError: (_error, id) => queryClient.invalidateQueries({ queryKey: orderKeys.detail(id) }),
  });
}

/** "Pay (test mode)": only offered when the order's payment provider is `test`. */
export const useTestPaymentMutation = () => useOrderAction(liveitApi.testPayment);
export const useCancelOrderMutation = () => useOrderAction(liveitApi.cancelOrder);
