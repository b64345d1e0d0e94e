import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { REALTIME_SUBSCRIBE_STATES } from '@supabase/supabase-js';
import { useSupabase, type Tables } from '@alawein/supabase-client';
import type { ProductDetail } from './catalogue.ts';
import { productKeys } from './keys.ts';

type VariantRow = Tables<'liveit_variants'>;

/**
 * Keeps the cached product's variant stock current from Realtime `postgres_changes` on
 * `liveit_variants` (the backend publishes the table; each UPDATE carries `stock_available`).
 * Returns whether the channel is live.
 */
export function useLiveStock(slug: string, productId: string | undefined): boolean {
  const client = useSupabase();
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!productId) return;
    // Realtime comes with the full client, loaded on demand: the effect may end before it arrives.
    let stop: (() => void) | undefined;
    let ended = false;
    void client.full().then((full) => {
      if (ended) return;
      const channel = full
        .channel(`liveit-stock:${productId}`)
        .on(
          'postgres_changes',
          {
            event: 'UPDATE',
            schema: 'public',
            table: 'liveit_variants',
            filter: `product_id=eq.${productId}`,
          },
          (payload) => {
            const row = payload.new as VariantRow;
            queryClient.setQueryData<ProductDetail | null>(productKeys.detail(slug), (current) =>
              current
                ? {
                    ...current,
                    liveit_variants: current.liveit_variants.map((variant) =>
                      variant.id === row.id ? { ...variant, ...row } : variant,
                    ),
                  }
                : current,
            );
          },
        )
        .subscribe((status) => {
          setLive(status === REALTIME_SUBSCRIBE_STATES.SUBSCRIBED);
          // Catch up on changes made while the channel was down.
          if (status === REALTIME_SUBSCRIBE_STATES.SUBSCRIBED)
            void queryClient.invalidateQueries({ queryKey: productKeys.detail(slug) });
        });
      stop = () => void full.removeChannel(channel);
    });
    return () => {
      ended = true;
      stop?.();
    };
  }, [client, productId, queryClient, slug]);
  return live;
}
