// Errors in the shape Supabase Storage answers: `{statusCode, code, error, message}` where
// statusCode is a string, as storage-js reads it.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class StorageError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    /** Machine-readable code, e.g. `NoSuchKey`, `InvalidKey` (storage-js exposes it as `error.code`). */
    readonly code: string,
    /** Short title of the error class, e.g. `not_found`, `Invalid Input`. */
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }

  toBody(): { statusCode: string; code: string; error: string; message: string } {
    return {
      statusCode: String(this.status),
      code: this.code,
      error: this.title,
      message: this.message,
    };
  }
}

export const storageErrors = {
  invalidInput: (message: string) =>
    new StorageError(400, 'InvalidRequest', 'Invalid Input', message),
  invalidKey: (key: string, reason: string) =>
    new StorageError(400, 'InvalidKey', 'Invalid Input', `Invalid key: ${key} (${reason})`),
  invalidBucketName: (name: string, reason: string) =>
    new StorageError(
      400,
      'InvalidBucketName',
      'Invalid Input',
      `Bucket name invalid: ${name} (${reason})`,
    ),
  bucketNotFound: () =>
    new StorageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  objectNotFound: () => new StorageError(404, 'NoSuchKey', 'not_found', 'Object not found'),
  duplicate: () => new StorageError(409, 'Duplicate', 'Duplicate', 'The resource already exists'),
  bucketNotEmpty: () =>
    new StorageError(
      409,
      'InvalidRequest',
      'Bucket not empty',
      'The bucket you tried to delete is not empty',
    ),
  entityTooLarge: (limit: number) =>
    new StorageError(
      413,
      'EntityTooLarge',
      'Payload too large',
      `The object exceeded the maximum allowed size of ${limit} bytes`,
    ),
  invalidMimeType: (mimeType: string) =>
    new StorageError(
      415,
      'InvalidMimeType',
      'invalid_mime_type',
      `mime type ${mimeType} is not supported`,
    ),
  rlsViolation: () =>
    new StorageError(
      403,
      'AccessDenied',
      'Unauthorized',
      'new row violates row-level security policy',
    ),
  invalidJwt: (message: string) => new StorageError(400, 'InvalidJWT', 'Unauthorized', message),
  invalidSignature: () =>
    new StorageError(
      400,
      'InvalidSignature',
      'Unauthorized',
      'The signed URL does not match this object',
    ),
};

/** Maps PostgreSQL errors raised under the caller's role to the storage error they mean. */
export function fromDatabaseError(error: unknown): StorageError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case '42501':
      return storageErrors.rlsViolation();
    case '23505':
      return storageErrors.duplicate();
    case '23503':
      return storageErrors.bucketNotFound();
    // The project's own triggers and checks refusing the row (raise exception, check constraints).
    case 'P0001':
    case '23514':
      return storageErrors.invalidInput((error as Error).message);
    default:
      return undefined;
  }
}

export function errorResponse(c: Context, error: StorageError): Response {
  return c.json(error.toBody(), error.status);
}
