// The liveit-api contract: request schemas (validated by the function, reused by the app's forms)
// and response schemas (so the app's client is typed from the same source). Ranges mirror the
// table constraints; prices never appear in a request — the server reads them from the database.
import { z } from 'zod';
import { MAX_PRICE_CENTS } from './money.ts';
import { ADMIN_SETTABLE_STATUSES, ORDER_STATUSES } from './status.ts';

export const LIMITS = {
  linesPerOrder: 50,
  quantityPerLine: 99,
  pageSize: 100,
  nameLength: 120,
  addressLineLength: 200,
  reviewTitleLength: 120,
  reviewBodyLength: 4000,
  productDescriptionLength: 5000,
  altLength: 300,
  maxPriceCents: MAX_PRICE_CENTS,
  maxStock: 1_000_000,
} as const;

const uuid = (name: string) => z.uuid({ message: `${name} must be a UUID` });

/** ISO 3166-1 alpha-2, upper case ("US", "GB"). */
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'country must be a two-letter ISO code such as US');

const requiredText = (name: string, max: number) =>
  z.string().trim().min(1, `${name} is required`).max(max, `${name} is at most ${max} characters`);

export const shippingAddressSchema = z.strictObject({
  name: requiredText('name', LIMITS.nameLength),
  line1: requiredText('line1', LIMITS.addressLineLength),
  line2: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().max(LIMITS.addressLineLength).optional(),
  ),
  city: requiredText('city', LIMITS.nameLength),
  postal_code: z
    .string()
    .trim()
    .min(2, 'postal_code is required')
    .max(12, 'postal_code is at most 12 characters')
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'postal_code may hold letters, digits, spaces and -'),
  country: countryCodeSchema,
});
export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

export const lineInputSchema = z.strictObject({
  variant_id: uuid('variant_id'),
  quantity: z
    .int('quantity must be a whole number')
    .min(1, 'quantity must be at least 1')
    .max(LIMITS.quantityPerLine, `quantity is at most ${LIMITS.quantityPerLine}`),
});
export type LineInput = z.infer<typeof lineInputSchema>;

const linesSchema = z
  .array(lineInputSchema)
  .min(1, 'the cart is empty')
  .max(LIMITS.linesPerOrder, `at most ${LIMITS.linesPerOrder} lines`)
  .refine((lines) => new Set(lines.map((l) => l.variant_id)).size === lines.length, {
    message: 'each variant may appear once; add up the quantities',
  });

/** POST /checkout. `app_origin` (optional) is where payment returns to, e.g. http://localhost:5177. */
export const checkoutRequestSchema = z.strictObject({
  items: linesSchema,
  shipping_address: shippingAddressSchema,
  app_origin: z
    .url({ protocol: /^https?$/, message: 'app_origin must be an http(s) URL' })
    .transform((value) => /^https?:\/\/[^/?#]+/i.exec(value)?.[0] ?? value)
    .optional(),
});
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

export const orderStatusSchema = z.enum(ORDER_STATUSES);

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(20),
  offset: z.coerce.number().int().min(0).default(0),
};

/** GET /orders */
export const orderListQuerySchema = z.strictObject({
  ...pageQuery,
  status: orderStatusSchema.optional(),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

/** GET /admin/orders: `q` matches the order number or the customer's e-mail. */
export const adminOrderListQuerySchema = z.strictObject({
  ...pageQuery,
  status: orderStatusSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type AdminOrderListQuery = z.infer<typeof adminOrderListQuerySchema>;

/** POST /cart/merge: the guest cart kept in local storage, merged into the account's cart. */
export const cartMergeRequestSchema = z.strictObject({
  items: z
    .array(lineInputSchema)
    .max(LIMITS.linesPerOrder, `at most ${LIMITS.linesPerOrder} lines`),
});
export type CartMergeRequest = z.infer<typeof cartMergeRequestSchema>;

/** POST /reviews */
export const reviewInputSchema = z.strictObject({
  product_id: uuid('product_id'),
  rating: z
    .int('rating must be a whole number')
    .min(1, 'rating is 1 to 5')
    .max(5, 'rating is 1 to 5'),
  title: requiredText('title', LIMITS.reviewTitleLength),
  body: z.string().trim().max(LIMITS.reviewBodyLength).default(''),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** POST /admin/orders/:id/status */
export const orderStatusMoveSchema = z.strictObject({
  status: z.enum(ADMIN_SETTABLE_STATUSES),
});

/** POST /admin/variants/:id/stock: either a new on-hand count or a change to it. */
export const stockAdjustSchema = z.union(
  [
    z.strictObject({ stock_on_hand: z.int().min(0).max(LIMITS.maxStock) }),
    z.strictObject({ delta: z.int().min(-LIMITS.maxStock).max(LIMITS.maxStock) }),
  ],
  { message: 'send either stock_on_hand or delta' },
);
export type StockAdjust = z.infer<typeof stockAdjustSchema>;

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export const productStatusSchema = z.enum(PRODUCT_STATUSES);
export type ProductStatus = z.infer<typeof productStatusSchema>;

export const slugSchema = z
  .string()
  .trim()
  .min(1, 'slug is required')
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug is lower-case words joined by -');

/** POST /admin/products (PATCH /admin/products/:id takes any subset). */
export const productInputSchema = z.strictObject({
  category_id: uuid('category_id'),
  slug: slugSchema,
  name: requiredText('name', LIMITS.nameLength),
  description: z.string().trim().max(LIMITS.productDescriptionLength).default(''),
  status: productStatusSchema.default('draft'),
});
export const productPatchSchema = productInputSchema.partial();
export type ProductInput = z.infer<typeof productInputSchema>;

const priceCents = z
  .int('price_cents must be a whole number of cents')
  .min(1, 'price_cents must be positive')
  .max(LIMITS.maxPriceCents);

/** POST /admin/products/:id/variants (PATCH /admin/variants/:id takes any subset but stock). */
export const variantInputSchema = z.strictObject({
  sku: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'sku is 2-40 letters, digits or -'),
  size: z.string().trim().max(20).nullish(),
  colour: z.string().trim().max(40).nullish(),
  price_cents: priceCents,
  stock_on_hand: z.int().min(0).max(LIMITS.maxStock).default(0),
});
export const variantPatchSchema = variantInputSchema.omit({ stock_on_hand: true }).partial();
export type VariantInput = z.infer<typeof variantInputSchema>;

/** POST /admin/products/:id/images: the file is uploaded to the bucket first, then registered. */
export const imageInputSchema = z.strictObject({
  storage_path: z
    .string()
    .regex(
      /^[a-z0-9-]+\/[A-Za-z0-9._-]+\.(webp|avif|jpg|jpeg|png)$/,
      'storage_path is <product slug>/<file>.webp|avif|jpg|png',
    ),
  alt: requiredText('alt', LIMITS.altLength),
  position: z.int().min(0).max(100).default(0),
});
export const imagePatchSchema = imageInputSchema.omit({ storage_path: true }).partial();

// ---- responses -------------------------------------------------------------------------

export const orderItemSchema = z.object({
  id: z.string(),
  variant_id: z.string().nullable(),
  product_id: z.string().nullable(),
  sku: z.string(),
  product_name: z.string(),
  variant_label: z.string(),
  unit_price_cents: z.number().int(),
  quantity: z.number().int(),
  line_total_cents: z.number().int(),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderSchema = z.object({
  id: z.string(),
  order_number: z.string(),
  customer_id: z.string(),
  status: orderStatusSchema,
  currency: z.string(),
  subtotal_cents: z.number().int(),
  shipping_cents: z.number().int(),
  tax_cents: z.number().int(),
  total_cents: z.number().int(),
  shipping_address: shippingAddressSchema,
  reserved_until: z.string().nullable(),
  payment_provider: z.enum(['stripe', 'test']).nullable(),
  payment_reference: z.string().nullable(),
  paid_at: z.string().nullable(),
  cancelled_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  items: z.array(orderItemSchema),
});
export type Order = z.infer<typeof orderSchema>;

export const PAYMENT_PROVIDERS = ['stripe', 'test'] as const;
export const paymentSchema = z.object({
  provider: z.enum(PAYMENT_PROVIDERS),
  /** stripe: the hosted Checkout page; test: the app's order page, which offers "Pay (test mode)". */
  url: z.string(),
});

export const checkoutResponseSchema = z.object({ order: orderSchema, payment: paymentSchema });
export type CheckoutResponse = z.infer<typeof checkoutResponseSchema>;
/** POST /orders/:id/payment (no body): the still-open Stripe Checkout page of a pending order. */
export const orderPaymentResponseSchema = z.object({ payment: paymentSchema });
export type OrderPaymentResponse = z.infer<typeof orderPaymentResponseSchema>;
export const orderResponseSchema = z.object({ order: orderSchema });
export const orderListResponseSchema = z.object({
  items: z.array(orderSchema),
  total: z.number().int(),
});
export type OrderList = z.infer<typeof orderListResponseSchema>;

export const cartItemSchema = z.object({
  variant_id: z.string(),
  quantity: z.number().int(),
});
export const cartResponseSchema = z.object({ items: z.array(cartItemSchema) });

export const reviewSchema = z.object({
  id: z.string(),
  product_id: z.string(),
  customer_id: z.string(),
  author_name: z.string(),
  rating: z.number().int(),
  title: z.string(),
  body: z.string(),
  verified_purchase: z.boolean(),
  created_at: z.string(),
});
export const reviewResponseSchema = z.object({ review: reviewSchema });

export const variantSchema = z.object({
  id: z.string(),
  product_id: z.string(),
  sku: z.string(),
  size: z.string().nullable(),
  colour: z.string().nullable(),
  price_cents: z.number().int(),
  stock_on_hand: z.number().int(),
  stock_reserved: z.number().int(),
});
export const variantResponseSchema = z.object({ variant: variantSchema });

export const productSchema = z.object({
  id: z.string(),
  category_id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  status: productStatusSchema,
});
export const productResponseSchema = z.object({ product: productSchema });

export const imageSchema = z.object({
  id: z.string(),
  product_id: z.string(),
  storage_path: z.string(),
  alt: z.string(),
  position: z.number().int(),
  widths: z.array(z.number().int()),
});
export const imageResponseSchema = z.object({ image: imageSchema });

/** Every error: `{error: {code, message, field?}}`; out_of_stock adds what is left. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    variant_id: z.string().optional(),
    available: z.number().int().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/** Error codes liveit-api answers with, beyond the platform's shared ones. */
export const LIVEIT_ERROR_CODES = {
  out_of_stock: 409,
  variant_unavailable: 422,
  invalid_transition: 409,
  not_purchased: 403,
  already_reviewed: 409,
  stock_below_reserved: 409,
  test_payments_disabled: 403,
  /** POST /orders/:id/payment on an order paid in test mode: there is no Stripe page. */
  not_stripe_payment: 409,
  /** Stripe's page for the order has expired: liveit-webhooks cancels the order. */
  payment_session_expired: 409,
  /** Stripe has taken the payment: liveit-webhooks marks the order paid. */
  payment_session_complete: 409,
  payment_unavailable: 503,
  busy: 503,
} as const;
