import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SupabaseRequestError, unwrap, useSupabase, type Tables } from '@alawein/supabase-client';
import { categoryKeys, productKeys } from './keys.ts';

export type ProductCard = Tables<'liveit_product_cards'>;
export type Category = Tables<'liveit_categories'>;

export const SORTS = {
  newest: { column: 'created_at', ascending: false, label: 'Newest' },
  price_asc: { column: 'min_price_cents', ascending: true, label: 'Price: low to high' },
  price_desc: { column: 'min_price_cents', ascending: false, label: 'Price: high to low' },
  rating: { column: 'average_rating', ascending: false, label: 'Best rated' },
  name: { column: 'name', ascending: true, label: 'Name' },
} as const;
export type SortKey = keyof typeof SORTS;

export const PAGE_SIZE = 12;

export interface CatalogueFilters {
  category?: string;
  q?: string;
  sort: SortKey;
  page: number;
}

export function useCategoriesQuery() {
  const client = useSupabase();
  return useQuery({
    queryKey: categoryKeys.lists(),
    queryFn: async () =>
      unwrap(await client.from('liveit_categories').select('*').order('position')),
  });
}

/** PostgREST ilike treats * and % as wildcards and , ( ) as syntax: keep the shopper's text literal. */
function likePattern(text: string): string {
  return `*${text.replace(/[\\*%,()_]/g, ' ').trim()}*`;
}

/** One page of active products (RLS hides the rest) with the total for paging. */
export function useProductCardsQuery(filters: CatalogueFilters) {
  const client = useSupabase();
  return useQuery({
    queryKey: productKeys.list({ ...filters }),
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const sort = SORTS[filters.sort];
      let query = client
        .from('liveit_product_cards')
        .select('*', { count: 'exact' })
        .eq('status', 'active');
      if (filters.category) query = query.eq('category_slug', filters.category);
      if (filters.q?.trim()) query = query.ilike('name', likePattern(filters.q));
      const from = (filters.page - 1) * PAGE_SIZE;
      const response = await query
        .order(sort.column, { ascending: sort.ascending, nullsFirst: false })
        .order('id')
        .range(from, from + PAGE_SIZE - 1);
      return { items: unwrap(response), total: response.count ?? 0 };
    },
  });
}

/** The best-rated active products, for the home page. */
export function useFeaturedQuery() {
  const client = useSupabase();
  return useQuery({
    queryKey: productKeys.list({ featured: true }),
    queryFn: async () =>
      unwrap(
        await client
          .from('liveit_product_cards')
          .select('*')
          .eq('status', 'active')
          .order('average_rating', { ascending: false, nullsFirst: false })
          .order('review_count', { ascending: false, nullsFirst: false })
          .limit(4),
      ),
  });
}

const PRODUCT_SELECT =
  '*, liveit_categories(slug, name), liveit_variants(*), liveit_product_images(*), liveit_product_ratings(*)';

/** A product with its variants (by position), images (by position) and rating stats. */
export function useProductQuery(slug: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: productKeys.detail(slug),
    queryFn: async () => {
      const response = await client
        .from('liveit_products')
        .select(PRODUCT_SELECT)
        .eq('slug', slug)
        .maybeSingle();
      if (response.error) throw new SupabaseRequestError(response.error, response.status);
      const product = response.data;
      if (!product) return null;
      return {
        ...product,
        liveit_variants: [...product.liveit_variants].sort((a, b) => a.position - b.position),
        liveit_product_images: [...product.liveit_product_images].sort(
          (a, b) => a.position - b.position,
        ),
      };
    },
  });
}

export type ProductDetail = NonNullable<ReturnType<typeof useProductQuery>['data']>;
export type Variant = ProductDetail['liveit_variants'][number];
