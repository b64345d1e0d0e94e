// Request bodies of the auth endpoints, validated with zod; failures become GoTrue's 400
// validation_failed (or bad_json) naming the offending field.
import type { Context } from 'hono';
import { z } from 'zod';
import { isJsonContentType } from '../gateway/content-type.ts';
import { AuthApiError, badRequest } from './errors.ts';

const email = z
  .string({ error: 'must be a string' })
  .trim()
  .toLowerCase()
  .max(255, { error: 'must be at most 255 characters' })
  .pipe(z.email({ error: 'Unable to validate email address: invalid format' }));
const password = z.string({ error: 'must be a string' });
const metadata = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });

export const signupBody = z.object({
  email: email.optional(),
  phone: z.string().optional(),
  password: password.optional(),
  data: metadata.optional(),
});

export const passwordGrantBody = z.object({
  email: email.optional(),
  phone: z.string().optional(),
  password: password.optional(),
});

export const refreshGrantBody = z.object({
  refresh_token: z
    .string({ error: 'refresh_token is required' })
    .min(1, { error: 'refresh_token is required' }),
});

export const updateUserBody = z.object({
  email: email.optional(),
  password: password.optional(),
  data: metadata.optional(),
  nonce: z.string().optional(),
});

/** Go duration as GoTrue accepts for ban_duration ("24h", "1h30m", "90s") or "none". */
const banDuration = z.string().regex(/^(none|(\d+(\.\d+)?(h|m|s|ms))+)$/, {
  error: 'must be "none" or a duration such as "24h"',
});

export const adminCreateUserBody = z.object({
  id: z.uuid({ error: 'must be a UUID' }).optional(),
  email: email.optional(),
  phone: z.string().optional(),
  password: password.optional(),
  email_confirm: z.boolean({ error: 'must be a boolean' }).optional(),
  phone_confirm: z.boolean({ error: 'must be a boolean' }).optional(),
  user_metadata: metadata.optional(),
  app_metadata: metadata.optional(),
  role: z.string().min(1).optional(),
  ban_duration: banDuration.optional(),
});

export const adminUpdateUserBody = adminCreateUserBody.omit({ id: true });

/** The body's text; 415 when one was sent without a JSON Content-Type. */
export async function readJsonText(c: Context): Promise<string> {
  const text = await c.req.text();
  if (text.trim() !== '' && !isJsonContentType(c.req.header('content-type'))) {
    throw new AuthApiError(
      415,
      'bad_json',
      'Content-Type must be application/json for a request body',
    );
  }
  return text;
}

/** Reads the JSON body: malformed → 400 bad_json; schema failure → 400 validation_failed naming the field. */
export async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const text = await readJsonText(c);
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw badRequest(
        'bad_json',
        `Could not parse request body as JSON: ${(error as Error).message}`,
      );
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw badRequest('bad_json', 'Could not parse request body as JSON: expected an object');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    const message = issue?.message ?? 'is invalid';
    throw new AuthApiError(
      400,
      'validation_failed',
      message.startsWith('Unable') || !field ? message : `${field}: ${message}`,
    );
  }
  return parsed.data;
}
