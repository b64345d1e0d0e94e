// Answers checked against the schemas the clients parse them with, so a drift between what the
// database returns and what the API promises is a logged 500 here, not a broken app.
import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from './errors.ts';

/**
 * `data` parsed with `schema`; a mismatch is a 500 whose log line says what `source` (e.g. the
 * SQL function) returned wrong. For database results the handler then works with.
 */
export function checked<S extends z.ZodType>(
  schema: S,
  data: unknown,
  source: string,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ApiError(500, 'internal_error', 'the server produced an unexpected response', {
    cause: { source, issues: z.prettifyError(result.error) },
  });
}

/** Sends `data` as JSON after checking it with the route's response schema (unknown keys dropped). */
export function respond<S extends z.ZodType>(
  c: Context,
  schema: S,
  data: unknown,
  status: 200 | 201 = 200,
): Response {
  const body = checked(schema, data, `${c.req.method} ${c.req.routePath} response`);
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/json' });
}
