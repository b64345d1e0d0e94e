import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callFunction, unwrap, useSupabase } from '@alawein/supabase-client';
import { liveitApi, type ReviewInput } from '@alawein/liveit-domain';
import { productKeys, reviewKeys } from './keys.ts';

export function useReviewsQuery(productId: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: reviewKeys.list({ productId }),
    queryFn: async () =>
      unwrap(
        await client
          .from('liveit_reviews')
          .select('*')
          .eq('product_id', productId)
          .order('created_at', { ascending: false })
          .limit(50),
      ),
  });
}

/** Posts a verified-purchase review; the server refuses products the customer has not bought. */
export function useCreateReviewMutation(slug: string) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ReviewInput) =>
      (await callFunction(client, liveitApi.createReview, { body: input })).review,
    onSuccess: (review) => {
      void queryClient.invalidateQueries({
        queryKey: reviewKeys.list({ productId: review.product_id }),
      });
      void queryClient.invalidateQueries({ queryKey: productKeys.detail(slug) });
      void queryClient.invalidateQueries({ queryKey: productKeys.lists() });
    },
  });
}
