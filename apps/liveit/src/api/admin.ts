import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callFunction, unwrap, useSupabase } from '@alawein/supabase-client';
import {
  PRODUCT_IMAGES_BUCKET,
  liveitApi,
  type AdminSettableStatus,
  type OrderStatus,
  type ProductInput,
  type StockAdjust,
  type VariantInput,
} from '@alawein/liveit-domain';
import { adminKeys, orderKeys, productKeys } from './keys.ts';

/** Every product (RLS shows admins drafts and archived ones too) with its variants and images. */
export function useAdminProductsQuery() {
  const client = useSupabase();
  return useQuery({
    queryKey: adminKeys.list({ products: true }),
    queryFn: async () =>
      unwrap(
        await client
          .from('liveit_products')
          .select(
            'id, slug, name, description, status, category_id, liveit_variants(id, sku, size, colour, price_cents, stock_on_hand, stock_reserved, stock_available, position), liveit_product_images(id, storage_path, alt, position, widths)',
          )
          .order('name'),
      ),
  });
}

export type AdminProduct = NonNullable<ReturnType<typeof useAdminProductsQuery>['data']>[number];
export type AdminVariant = AdminProduct['liveit_variants'][number];
export type AdminImage = AdminProduct['liveit_product_images'][number];

type Client = ReturnType<typeof useSupabase>;

/**
 * A catalogue write through liveit-api; on success the admin list and the shop's product
 * queries are refetched (the returned promise waits for that, so the form shows the new data).
 */
function useCatalogueMutation<V, R>(write: (client: Client, variables: V) => Promise<R>) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => write(client, variables),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.all }),
        queryClient.invalidateQueries({ queryKey: productKeys.all }),
      ]),
  });
}

export const useAdjustStockMutation = () =>
  useCatalogueMutation((client, { id, body }: { id: string; body: StockAdjust }) =>
    callFunction(client, liveitApi.adminAdjustStock, { params: { id }, body }),
  );

export const useCreateProductMutation = () =>
  useCatalogueMutation(async (client, body: ProductInput) => {
    const answer = await callFunction(client, liveitApi.adminCreateProduct, { body });
    return answer.product;
  });

export const useUpdateProductMutation = () =>
  useCatalogueMutation((client, { id, body }: { id: string; body: Partial<ProductInput> }) =>
    callFunction(client, liveitApi.adminUpdateProduct, { params: { id }, body }),
  );

export const useCreateVariantMutation = () =>
  useCatalogueMutation((client, { productId, body }: { productId: string; body: VariantInput }) =>
    callFunction(client, liveitApi.adminCreateVariant, { params: { id: productId }, body }),
  );

export const useUpdateVariantMutation = () =>
  useCatalogueMutation(
    (client, { id, body }: { id: string; body: Partial<Omit<VariantInput, 'stock_on_hand'>> }) =>
      callFunction(client, liveitApi.adminUpdateVariant, { params: { id }, body }),
  );

export const useUpdateImageMutation = () =>
  useCatalogueMutation(
    (client, { id, body }: { id: string; body: { alt?: string; position?: number } }) =>
      callFunction(client, liveitApi.adminUpdateImage, { params: { id }, body }),
  );

/** Unregisters a picture; the function removes its files from the bucket too. */
export const useDeleteImageMutation = () =>
  useCatalogueMutation((client, image: AdminImage) =>
    callFunction(client, liveitApi.adminDeleteImage, { params: { id: image.id } }),
  );

/** A file name safe for the bucket's `<slug>/<file>` rule. */
function storageName(file: File): string {
  const ext = (/\.(webp|avif|jpe?g|png)$/i.exec(file.name)?.[1] ?? 'jpg').toLowerCase();
  return `${Date.now().toString(36)}.${ext}`;
}

/** Uploads an image to the bucket, then registers it with the product. */
export const useUploadImageMutation = () =>
  useCatalogueMutation(
    async (
      client,
      {
        product,
        file,
        alt,
      }: { product: { id: string; slug: string; imageCount: number }; file: File; alt: string },
    ) => {
      const path = `${product.slug}/${storageName(file)}`;
      const full = await client.full();
      const { error } = await full.storage
        .from(PRODUCT_IMAGES_BUCKET)
        .upload(path, file, { contentType: file.type, upsert: false });
      if (error) throw error;
      return callFunction(client, liveitApi.adminAddImage, {
        params: { id: product.id },
        body: { storage_path: path, alt, position: product.imageCount },
      });
    },
  );

export const ADMIN_ORDERS_PAGE_SIZE = 20;

export function useAdminOrdersQuery(filters: { status?: OrderStatus; q?: string; page: number }) {
  const client = useSupabase();
  return useQuery({
    queryKey: adminKeys.list({ orders: true, ...filters }),
    queryFn: () =>
      callFunction(client, liveitApi.adminListOrders, {
        query: {
          limit: ADMIN_ORDERS_PAGE_SIZE,
          offset: (filters.page - 1) * ADMIN_ORDERS_PAGE_SIZE,
          ...(filters.status ? { status: filters.status } : {}),
          ...(filters.q?.trim() ? { q: filters.q.trim() } : {}),
        },
      }),
  });
}

export function useMoveOrderMutation() {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: AdminSettableStatus }) =>
      callFunction(client, liveitApi.adminMoveOrder, { params: { id }, body: { status } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.all });
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
}
