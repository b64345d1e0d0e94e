// Turns a zod failure into the API's error naming the first offending field. Wrong shapes
// (a string where a number belongs, unknown query values) are 400; values out of range 422.
import type { z } from 'zod';
import { ApiError } from './errors.ts';

const SHAPE_ISSUES = new Set(['invalid_type', 'unrecognized_keys', 'invalid_union']);

/** Parses `input` with `schema` or throws an ApiError that names the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
  const status = SHAPE_ISSUES.has(issue.code) ? 400 : 422;
  const message = field ? `${field}: ${issue.message}` : issue.message;
  throw new ApiError(status, status === 400 ? 'invalid_request' : 'invalid_value', message, {
    field,
  });
}
