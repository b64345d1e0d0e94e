// Responses checked against the same schema the clients parse them with, so a drift between
// what the database returns and what the API promises is a logged 500 here, not a broken app.
import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from './errors.ts';

/** Validates `data` with `schema` and sends it as JSON; an invalid shape is a 500 with the reason logged. */
export function respond<S extends z.ZodType>(
  c: Context,
  schema: S,
  data: unknown,
  status: 200 | 201 = 200,
): Response {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ApiError(
      500,
      'internal_error',
      'the server produced an unexpected response',
      undefined,
      {},
      { cause: { response: z.prettifyError(result.error) } },
    );
  }
  return c.body(JSON.stringify(result.data), status, { 'content-type': 'application/json' });
}
