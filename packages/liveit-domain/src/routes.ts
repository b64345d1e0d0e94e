// The liveit-api routes in one table, so a client can be typed from it: each entry names the
// method, the path (`:id` segments), the body or query schema and the success schema.
import { z } from 'zod';
import {
  adminOrderListQuerySchema,
  cartMergeRequestSchema,
  cartResponseSchema,
  checkoutRequestSchema,
  checkoutResponseSchema,
  imageInputSchema,
  imagePatchSchema,
  imageResponseSchema,
  orderListQuerySchema,
  orderListResponseSchema,
  orderResponseSchema,
  orderStatusMoveSchema,
  productInputSchema,
  productPatchSchema,
  productResponseSchema,
  reviewInputSchema,
  reviewResponseSchema,
  stockAdjustSchema,
  variantInputSchema,
  variantPatchSchema,
  variantResponseSchema,
} from './schemas.ts';

/** The function's name: `/functions/v1/liveit-api`. */
export const LIVEIT_API = 'liveit-api';

const noContent = z.null();

interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  status: 200 | 201 | 204;
  /** Admin routes answer 403 `forbidden` to everyone else. */
  admin: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  response: z.ZodType;
}

export const LIVEIT_API_ROUTES = {
  checkout: {
    method: 'POST',
    path: '/checkout',
    status: 201,
    admin: false,
    body: checkoutRequestSchema,
    response: checkoutResponseSchema,
  },
  listOrders: {
    method: 'GET',
    path: '/orders',
    status: 200,
    admin: false,
    query: orderListQuerySchema,
    response: orderListResponseSchema,
  },
  getOrder: {
    method: 'GET',
    path: '/orders/:id',
    status: 200,
    admin: false,
    response: orderResponseSchema,
  },
  cancelOrder: {
    method: 'POST',
    path: '/orders/:id/cancel',
    status: 200,
    admin: false,
    response: orderResponseSchema,
  },
  testPayment: {
    method: 'POST',
    path: '/orders/:id/test-payment',
    status: 200,
    admin: false,
    response: orderResponseSchema,
  },
  mergeCart: {
    method: 'POST',
    path: '/cart/merge',
    status: 200,
    admin: false,
    body: cartMergeRequestSchema,
    response: cartResponseSchema,
  },
  createReview: {
    method: 'POST',
    path: '/reviews',
    status: 201,
    admin: false,
    body: reviewInputSchema,
    response: reviewResponseSchema,
  },
  deleteReview: {
    method: 'DELETE',
    path: '/reviews/:id',
    status: 204,
    admin: false,
    response: noContent,
  },
  adminListOrders: {
    method: 'GET',
    path: '/admin/orders',
    status: 200,
    admin: true,
    query: adminOrderListQuerySchema,
    response: orderListResponseSchema,
  },
  adminMoveOrder: {
    method: 'POST',
    path: '/admin/orders/:id/status',
    status: 200,
    admin: true,
    body: orderStatusMoveSchema,
    response: orderResponseSchema,
  },
  adminAdjustStock: {
    method: 'POST',
    path: '/admin/variants/:id/stock',
    status: 200,
    admin: true,
    body: stockAdjustSchema,
    response: variantResponseSchema,
  },
  adminCreateProduct: {
    method: 'POST',
    path: '/admin/products',
    status: 201,
    admin: true,
    body: productInputSchema,
    response: productResponseSchema,
  },
  adminUpdateProduct: {
    method: 'PATCH',
    path: '/admin/products/:id',
    status: 200,
    admin: true,
    body: productPatchSchema,
    response: productResponseSchema,
  },
  adminCreateVariant: {
    method: 'POST',
    path: '/admin/products/:id/variants',
    status: 201,
    admin: true,
    body: variantInputSchema,
    response: variantResponseSchema,
  },
  adminUpdateVariant: {
    method: 'PATCH',
    path: '/admin/variants/:id',
    status: 200,
    admin: true,
    body: variantPatchSchema,
    response: variantResponseSchema,
  },
  adminAddImage: {
    method: 'POST',
    path: '/admin/products/:id/images',
    status: 201,
    admin: true,
    body: imageInputSchema,
    response: imageResponseSchema,
  },
  adminUpdateImage: {
    method: 'PATCH',
    path: '/admin/images/:id',
    status: 200,
    admin: true,
    body: imagePatchSchema,
    response: imageResponseSchema,
  },
  adminDeleteImage: {
    method: 'DELETE',
    path: '/admin/images/:id',
    status: 204,
    admin: true,
    response: noContent,
  },
} as const satisfies Record<string, RouteSpec>;

export type LiveitRoute = keyof typeof LIVEIT_API_ROUTES;

/** The success body of a route, as the app receives it. */
export type LiveitResponse<R extends LiveitRoute> = z.infer<
  (typeof LIVEIT_API_ROUTES)[R]['response']
>;

/** Fills `:id` in a route's path: routePath('getOrder', {id}) → "/orders/<id>". */
export function routePath(route: LiveitRoute, params: Record<string, string> = {}): string {
  return LIVEIT_API_ROUTES[route].path.replace(/:([a-z_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`routePath(${route}): missing :${name}`);
    return encodeURIComponent(value);
  });
}
