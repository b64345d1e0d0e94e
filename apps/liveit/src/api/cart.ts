import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { callFunction, unwrap, useSupabase, useUser } from '@alawein/supabase-client';
import { liveitApi } from '@alawein/liveit-domain';
import {
  readGuestCart,
  subscribeGuestCart,
  withQuantity,
  writeGuestCart,
  type CartLine,
} from '../lib/guest-cart.ts';
import { cartKeys } from './keys.ts';

export type { CartLine };

/** True while a guest cart is being merged (module-wide: every useCart shares it). */
let mergeInFlight = false;

/**
 * The shopper's cart: in `liveit_cart_items` when signed in (the same on every device), in
 * localStorage otherwise. A guest cart found while signed in is merged into the account through
 * `POST /cart/merge` and then cleared, so signing in never loses what a guest picked.
 */
export function useCart() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  const userId = useUser().data?.id;
  const guestLines = useSyncExternalStore(subscribeGuestCart, readGuestCart, () => []);
  const key = cartKeys.list({ userId });

  const account = useQuery({
    queryKey: key,
    enabled: Boolean(userId),
    queryFn: async () =>
      unwrap(
        await client.from('liveit_cart_items').select('variant_id, quantity').order('created_at'),
      ),
  });

  const merge = useMutation({
    mutationFn: (items: CartLine[]) =>
      callFunction(client, liveitApi.mergeCart, { body: { items } }),
    onSuccess: (result) => {
      writeGuestCart([]);
      queryClient.setQueryData(key, result.items);
    },
    onSettled: () => {
      mergeInFlight = false;
    },
  });
  const { mutate: mergeGuestCart, isError: mergeFailed } = merge;
  useEffect(() => {
    // Several components use the cart at once: one merge per guest cart, and none after a
    // failure (the error is shown; the guest cart stays in localStorage for the next visit).
    if (!userId || guestLines.length === 0 || mergeFailed || mergeInFlight) return;
    mergeInFlight = true;
    mergeGuestCart(guestLines);
  }, [userId, guestLines, mergeFailed, mergeGuestCart]);

  const setLine = useMutation({
    mutationFn: async ({ variantId, quantity }: { variantId: string; quantity: number }) => {
      const current = queryClient.getQueryData<CartLine[]>(key) ?? [];
      const exists = current.some((line) => line.variant_id === variantId);
      if (quantity <= 0) {
        unwrap(await client.from('liveit_cart_items').delete().eq('variant_id', variantId));
      } else if (exists) {
        unwrap(
          await client
            .from('liveit_cart_items')
            .update({ quantity })
            .eq('variant_id', variantId)
            .select('variant_id'),
        );
      } else {
        unwrap(
          await client
            .from('liveit_cart_items')
            .insert({ variant_id: variantId, quantity })
            .select('variant_id'),
        );
      }
      return withQuantity(current, variantId, quantity);
    },
    onSuccess: (lines) => queryClient.setQueryData(key, lines),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  const lines: CartLine[] = userId ? (account.data ?? []) : guestLines;

  /** Sets a line's quantity (0 removes it). */
  async function setQuantity(variantId: string, quantity: number): Promise<void> {
    if (!userId) {
      writeGuestCart(withQuantity(readGuestCart(), variantId, quantity));
      return;
    }
    await setLine.mutateAsync({ variantId, quantity });
  }

  async function add(variantId: string, quantity: number): Promise<void> {
    const current = lines.find((line) => line.variant_id === variantId)?.quantity ?? 0;
    await setQuantity(variantId, current + quantity);
  }

  return {
    lines,
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
    isPending: Boolean(userId) && account.isPending,
    error: account.error ?? merge.error,
    isSaving: setLine.isPending || merge.isPending,
    setQuantity,
    add,
    refetch: () => void account.refetch(),
  };
}

/** The variants (with product name, slug and first image) behind cart lines, for display and totals. */
export function useCartVariantsQuery(variantIds: string[]) {
  const client = useSupabase();
  const ids = [...variantIds].sort();
  return useQuery({
    queryKey: cartKeys.detail(ids.join(',')),
    enabled: ids.length > 0,
    queryFn: async () =>
      unwrap(
        await client
          .from('liveit_variants')
          .select(
            'id, sku, size, colour, price_cents, stock_available, liveit_products(name, slug, status)',
          )
          .in('id', ids),
      ),
  });
}

export type CartVariant = NonNullable<ReturnType<typeof useCartVariantsQuery>['data']>[number];
