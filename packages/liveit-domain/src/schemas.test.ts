import { describe, expect, it } from 'vitest';
import { liveitApi } from './routes.ts';
import {
  checkoutRequestSchema,
  orderListQuerySchema,
  orderPaymentResponseSchema,
  reviewInputSchema,
  stockAdjustSchema,
} from './schemas.ts';
import { imageObjectPaths, imageSources, sizedImagePath } from './images.ts';

const variant = '6f1c1b5e-2a3d-4c1e-9f00-1a2b3c4d5e6f';
const valid = {
  items: [{ variant_id: variant, quantity: 2 }],
  shipping_address: {
    name: 'Ada Lovelace',
    line1: '1 Paddock Lane',
    city: 'Silverstone',
    postal_code: 'NN12 8TN',
    country: 'gb',
  },
};

function issuePath(input: unknown): string | undefined {
  const result = checkoutRequestSchema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.path.join('.');
}

describe('checkout request', () => {
  it('accepts a well-formed checkout and normalises the country', () => {
    const parsed = checkoutRequestSchema.parse(valid);
    expect(parsed.shipping_address.country).toBe('GB');
    expect(parsed.shipping_address.line2).toBeUndefined();
  });

  it('names the field that is wrong', () => {
    expect(issuePath({ ...valid, items: [] })).toBe('items');
    expect(issuePath({ ...valid, items: [{ variant_id: 'x', quantity: 1 }] })).toBe(
      'items.0.variant_id',
    );
    expect(issuePath({ ...valid, items: [{ variant_id: variant, quantity: 0 }] })).toBe(
      'items.0.quantity',
    );
    expect(issuePath({ ...valid, items: [{ variant_id: variant, quantity: 1.5 }] })).toBe(
      'items.0.quantity',
    );
    expect(
      issuePath({ ...valid, shipping_address: { ...valid.shipping_address, city: ' ' } }),
    ).toBe('shipping_address.city');
    expect(
      issuePath({ ...valid, shipping_address: { ...valid.shipping_address, country: 'GBR' } }),
    ).toBe('shipping_address.country');
  });

  it('never accepts a price from the client', () => {
    expect(
      issuePath({ ...valid, items: [{ variant_id: variant, quantity: 1, price_cents: 1 }] }),
    ).toBe('items.0');
  });

  it('refuses the same variant twice', () => {
    expect(issuePath({ ...valid, items: [valid.items[0], valid.items[0]] })).toBe('items');
  });

  it('reduces app_origin to an origin', () => {
    const parsed = checkoutRequestSchema.parse({
      ...valid,
      app_origin: 'http://localhost:5177/cart',
    });
    expect(parsed.app_origin).toBe('http://localhost:5177');
  });
});

describe('other requests', () => {
  it('pages orders with defaults and bounds', () => {
    expect(orderListQuerySchema.parse({})).toEqual({ limit: 20, offset: 0 });
    expect(orderListQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
  });

  it('rates 1 to 5', () => {
    const base = { product_id: variant, title: 'Great' };
    expect(reviewInputSchema.safeParse({ ...base, rating: 0 }).success).toBe(false);
    expect(reviewInputSchema.safeParse({ ...base, rating: 6 }).success).toBe(false);
    expect(reviewInputSchema.parse({ ...base, rating: 5 }).body).toBe('');
  });

  it('adjusts stock by a count or a change, not both', () => {
    expect(stockAdjustSchema.safeParse({ stock_on_hand: 5 }).success).toBe(true);
    expect(stockAdjustSchema.safeParse({ delta: -2 }).success).toBe(true);
    expect(stockAdjustSchema.safeParse({ delta: 1, stock_on_hand: 2 }).success).toBe(false);
    expect(stockAdjustSchema.safeParse({ stock_on_hand: -1 }).success).toBe(false);
  });
});

describe('routes and images', () => {
  it('describes every route for callFunction, admin routes under admin/', () => {
    for (const route of Object.values(liveitApi)) {
      expect(route.functionName).toBe('liveit-api');
      expect(route.path.startsWith('admin/')).toBe(route.admin);
    }
    expect(liveitApi.cancelOrder.path).toBe('orders/:id/cancel');
  });

  it('resumes a Stripe payment with a POST that answers the payment page', () => {
    expect(liveitApi.resumePayment).toMatchObject({ method: 'POST', path: 'orders/:id/payment' });
    const url = 'https://checkout.stripe.com/c/pay/cs_test_a1';
    expect(orderPaymentResponseSchema.parse({ payment: { provider: 'stripe', url } })).toEqual({
      payment: { provider: 'stripe', url },
    });
    expect(
      orderPaymentResponseSchema.safeParse({ payment: { provider: 'paypal', url } }).success,
    ).toBe(false);
  });

  it('lists every object a picture occupies: the original and each sized AVIF and WebP', () => {
    expect(imageObjectPaths({ storage_path: 'tee/front.webp', widths: [480] })).toEqual([
      'tee/front.webp',
      'tee/front-480.avif',
      'tee/front-480.webp',
    ]);
    expect(imageObjectPaths({ storage_path: 'tee/front.png', widths: [] })).toEqual([
      'tee/front.png',
    ]);
  });

  it('builds srcsets from the rendered widths', () => {
    expect(sizedImagePath('apex-tee/front.webp', 480, 'avif')).toBe('apex-tee/front-480.avif');
    const sources = imageSources('http://127.0.0.1:54321/', {
      storage_path: 'apex-tee/front.webp',
      widths: [960, 480],
    });
    expect(sources.src).toBe(
      'http://127.0.0.1:54321/storage/v1/object/public/liveit-product-images/apex-tee/front.webp',
    );
    expect(sources.webp.split(', ')[0]).toMatch(/front-480\.webp 480w$/);
    expect(sources.avif).toMatch(/front-960\.avif 960w$/);
  });
});
