// The shop admin's routes (the middleware has checked app_metadata.role = admin): orders and
// their status, stock, and the catalogue. Catalogue writes run as the admin, so the tables'
// RLS policies are the final word; order moves use the service-role SQL functions.
import {
  adminOrderListQuerySchema,
  imageInputSchema,
  imageObjectPaths,
  imagePatchSchema,
  imageResponseSchema,
  orderListResponseSchema,
  orderResponseSchema,
  orderStatusMoveSchema,
  PRODUCT_IMAGES_BUCKET,
  productInputSchema,
  productPatchSchema,
  productResponseSchema,
  stockAdjustSchema,
  variantInputSchema,
  variantPatchSchema,
  variantResponseSchema,
} from '@alawein/liveit-domain';
import { z } from 'zod';
import type { FunctionApp } from '../../_shared/app.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { ApiError } from '../../_shared/errors.ts';
import { readJson } from '../../_shared/http.ts';
import { respond } from '../../_shared/respond.ts';
import { parseInput } from '../../_shared/validation.ts';
import { fromLiveitError } from '../../_liveit/errors.ts';
import type { LiveitDeps } from '../app.ts';
import { orderIdParam } from './orders-data.ts';

const idParam = (what: string) => z.uuid({ message: `${what} id must be a UUID` });

const PRODUCT_COLUMNS = 'id, category_id, slug, name, description, status';
const VARIANT_COLUMNS =
  'id, product_id, sku, size, colour, price_cents, stock_on_hand, stock_reserved';
const IMAGE_COLUMNS = 'id, product_id, storage_path, alt, position, widths';

function notFound(what: string): ApiError {
  return new ApiError(404, 'not_found', `${what} not found`, { field: 'id' });
}

/** A PATCH body must change something. */
function nonEmpty<T extends object>(patch: T): T {
  if (Object.keys(patch).length === 0) {
    throw new ApiError(422, 'invalid_value', 'send at least one field to change');
  }
  return patch;
}

export function registerAdminRoutes(app: FunctionApp<AuthVariables>, deps: LiveitDeps): void {
  const { service } = deps;

  app.get('/admin/orders', async (c) => {
    const query = parseInput(adminOrderListQuerySchema, c.req.query());
    await service.rpc('liveit_release_expired_holds', {});
    const { data, error } = await service.rpc('liveit_list_orders', {
      status_filter: query.status,
      q: query.q,
      page_limit: query.limit,
      page_offset: query.offset,
    });
    if (error) throw fromLiveitError(error);
    return respond(c, orderListResponseSchema, data);
  });

  app.post('/admin/orders/:id/status', async (c) => {
    const id = orderIdParam(c.req.param('id'));
    const input = parseInput(orderStatusMoveSchema, await readJson(c.req.raw));
    const { data, error } = await service.rpc('liveit_set_order_status', {
      order_id: id,
      new_status: input.status,
    });
    if (error) throw fromLiveitError(error);
    return respond(c, orderResponseSchema, { order: data });
  });

  app.post('/admin/variants/:id/stock', async (c) => {
    const id = parseInput(idParam('variant'), c.req.param('id'));
    const input = parseInput(stockAdjustSchema, await readJson(c.req.raw));
    const { data, error } = await c
      .get('caller')
      .db.rpc(
        'liveit_adjust_stock',
        'delta' in input
          ? { variant_id: id, delta: input.delta }
          : { variant_id: id, on_hand: input.stock_on_hand },
      )
      .select(VARIANT_COLUMNS)
      .single();
    if (error) throw fromLiveitError(error);
    return respond(c, variantResponseSchema, { variant: data });
  });

  app.post('/admin/products', async (c) => {
    const input = parseInput(productInputSchema, await readJson(c.req.raw));
    const { data, error } = await c
      .get('caller')
      .db.from('liveit_products')
      .insert(input)
      .select(PRODUCT_COLUMNS)
      .single();
    if (error) throw fromLiveitError(error);
    return respond(c, productResponseSchema, { product: data }, 201);
  });

  app.patch('/admin/products/:id', async (c) => {
    const id = parseInput(idParam('product'), c.req.param('id'));
    const input = nonEmpty(parseInput(productPatchSchema, await readJson(c.req.raw)));
    const { data, error } = await c
      .get('caller')
      .db.from('liveit_products')
      .update(input)
      .eq('id', id)
      .select(PRODUCT_COLUMNS)
      .maybeSingle();
    if (error) throw fromLiveitError(error);
    if (!data) throw notFound('product');
    return respond(c, productResponseSchema, { product: data });
  });

  app.post('/admin/products/:id/variants', async (c) => {
    const productId = parseInput(idParam('product'), c.req.param('id'));
    const input = parseInput(variantInputSchema, await readJson(c.req.raw));
    const { data, error } = await c
      .get('caller')
      .db.from('liveit_variants')
      .insert({ ...input, product_id: productId })
      .select(VARIANT_COLUMNS)
      .single();
    if (error) throw fromLiveitError(error.code === '23503' ? { ...error, hint: 'id' } : error);
    return respond(c, variantResponseSchema, { variant: data }, 201);
  });

  app.patch('/admin/variants/:id', async (c) => {
    const id = parseInput(idParam('variant'), c.req.param('id'));
    const input = nonEmpty(parseInput(variantPatchSchema, await readJson(c.req.raw)));
    const { data, error } = await c
      .get('caller')
      .db.from('liveit_variants')
      .update(input)
      .eq('id', id)
      .select(VARIANT_COLUMNS)
      .maybeSingle();
    if (error) throw fromLiveitError(error);
    if (!data) throw notFound('variant');
    return respond(c, variantResponseSchema, { variant: data });
  });

  app.post('/admin/products/:id/images', async (c) => {
    const productId = parseInput(idParam('product'), c.req.param('id'));
    const input = parseInput(imageInputSchema, await readJson(c.req.raw));
    const { data, error } = await c
      .get('caller')
      .db.from('liveit_product_images')
      .insert({ ...input, product_id: productId })
      .select(IMAGE_COLUMNS)
      .single();
    if (error) throw fromLiveitError(error.code === '23503' ? { ...error, hint: 'id' } : error);
    return respond(c, imageResponseSchema, { image: data }, 201);
  });

  app.patch('/admin/images/:id', async (c) => {
    const id = parseInput(idParam('image'), c.req.param('id'));
    const input = nonEmpty(parseInput(imagePatchSchema, await readJson(c.req.raw)));
    const { data, error } = await c
      .get('caller')
      .db.from('liveit_product_images')
      .update(input)
      .eq('id', id)
      .select(IMAGE_COLUMNS)
      .maybeSingle();
    if (error) throw fromLiveitError(error);
    if (!data) throw notFound('image');
    return respond(c, imageResponseSchema, { image: data });
  });

  app.delete('/admin/images/:id', async (c) => {
    const id = parseInput(idParam('image'), c.req.param('id'));
    const { db } = c.get('caller');
    const { data, error } = await db
      .from('liveit_product_images')
      .delete()
      .eq('id', id)
      .select('storage_path, widths');
    if (error) throw fromLiveitError(error);
    const image = data[0];
    if (!image) throw notFound('image');
    // The row goes first: a file left by a failed clean-up is unreachable, while a row without
    // its file would show a broken picture; so a failed removal is logged, not a failed delete.
    const removed = await db.storage.from(PRODUCT_IMAGES_BUCKET).remove(imageObjectPaths(image));
    if (removed.error) {
      c.get('log').warn('picture files left in the bucket', {
        imageId: id,
        error: removed.error.message,
      });
    }
    return c.body(null, 204);
  });
}
