// Orders as the API returns them: the SQL functions' JSON, checked against the contract.
import {
  orderListResponseSchema,
  orderSchema,
  type Order,
  type OrderList,
} from '@alawein/liveit-domain';
import type { TypedSupabaseClient } from '@alawein/supabase-client/server';
import { z } from 'zod';
import { ApiError } from '../../_shared/errors.ts';
import { fromLiveitError } from '../../_liveit/errors.ts';
import { checked } from '../../_shared/respond.ts';

export const orderIdSchema = z.uuid({ message: 'order id must be a UUID' });

/** The order's id from the path, 404 when it cannot be an id. */
export function orderIdParam(value: string | undefined): string {
  const parsed = orderIdSchema.safeParse(value);
  if (!parsed.success) throw new ApiError(404, 'not_found', 'order not found', { field: 'id' });
  return parsed.data;
}

/** An order from a SQL function, checked against the contract (a mismatch is a logged 500). */
export function toOrder(json: unknown, source = 'liveit_order_json'): Order {
  return checked(orderSchema, json, source);
}

/** The order as `db`'s role may see it (RLS), or 404. */
export async function readOrder(db: TypedSupabaseClient, id: string): Promise<Order> {
  const { data, error } = await db.rpc('liveit_order_json', { order_id: id });
  if (error) throw fromLiveitError(error);
  if (data === null) throw new ApiError(404, 'not_found', 'order not found', { field: 'id' });
  return toOrder(data);
}
