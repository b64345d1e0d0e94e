// The checkout's one database call: public.liveit_place_order spends the shopper's write budget
// and places the order (all lines or none), returning the order or why it was refused.
import postgres from 'postgres';
import type { CheckoutRequest } from '@alawein/liveit-domain';
import { ApiError } from '../../_shared/errors.ts';
import type { ServiceDatabase } from '../../_shared/service-database.ts';
import { fromLiveitError } from '../../_liveit/errors.ts';

export interface PlaceOrderInput {
  items: CheckoutRequest['items'];
  shippingAddress: CheckoutRequest['shipping_address'];
  holdMinutes: number;
  provider: 'stripe' | 'test';
}

interface Refusal {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

type Placed = { order: unknown } | { error: Refusal };

/** The placed order's JSON (liveit_order_json); a refusal throws its ApiError (409, 422…). */
export async function placeOrder(
  database: ServiceDatabase,
  customer: string,
  input: PlaceOrderInput,
): Promise<unknown> {
  let placed: Placed;
  try {
    const [row] = await database<[{ placed: Placed }]>`
      select public.liveit_place_order(
        ${customer}::uuid, ${database.json(input.items)}, ${database.json(input.shippingAddress)},
        ${input.holdMinutes}::integer, ${input.provider}::text) as placed`;
    placed = row.placed;
  } catch (error) {
    if (!(error instanceof postgres.PostgresError)) throw error;
    if (error.code === '42501') {
      throw new ApiError(401, 'unauthorized', 'sign in first: the account no longer exists');
    }
    throw fromLiveitError({
      code: error.code,
      message: error.message,
      details: error.detail ?? null,
      hint: error.hint ?? null,
    });
  }
  if ('error' in placed) throw fromLiveitError(placed.error);
  return placed.order;
}
