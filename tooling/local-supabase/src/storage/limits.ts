// Bucket limits: sizes written as numbers or "50MiB"-style strings, and allowed mime types
// with `type/*` wildcards, as Supabase accepts them.
import { storageErrors } from './errors.ts';

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** Bytes from a number or a string like "10MB" / "50MiB" / "1024"; undefined for null/undefined. */
export function parseByteSize(value: unknown, field: string): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
    const unit = UNITS[(match?.[2] ?? '').toLowerCase() || 'b'];
    if (match && unit !== undefined) return Math.floor(Number(match[1]) * unit);
  }
  throw storageErrors.invalidInput(
    `${field} must be a non-negative number of bytes or a size like "5MB"`,
  );
}

const MIME_PATTERN = /^[\w.+-]+\/(?:[\w.+-]+|\*)$/;

/** Validates `allowed_mime_types`: an array of `type/subtype` or `type/*`, or null. */
export function parseMimeTypes(value: unknown, field: string): string[] | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (
    !Array.isArray(value) ||
    !value.every((item) => typeof item === 'string' && MIME_PATTERN.test(item))
  ) {
    throw storageErrors.invalidInput(
      `${field} must be an array of mime types such as "image/png" or "image/*"`,
    );
  }
  return value as string[];
}

/** The bare `type/subtype` of a Content-Type header value, lower-cased. */
export function essence(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Throws 415 unless `contentType` matches one of `allowed` (when a list is set). */
export function assertMimeAllowed(contentType: string, allowed: readonly string[] | null): void {
  if (!allowed || allowed.length === 0) return;
  const type = essence(contentType);
  const ok = allowed.some((pattern) => {
    const lower = pattern.toLowerCase();
    return lower.endsWith('/*') ? type.startsWith(lower.slice(0, -1)) : type === lower;
  });
  if (!ok) throw storageErrors.invalidMimeType(type || contentType);
}

export interface BucketLimits {
  maxBytes: number;
  allowedMimeTypes: string[] | null;
}

/** The limits an object placed in a bucket must meet: its own and the project's size cap. */
export function bucketLimits(
  bucket: { file_size_limit: number | null; allowed_mime_types: string[] | null },
  globalLimit: number,
): BucketLimits {
  return {
    maxBytes: Math.min(globalLimit, bucket.file_size_limit ?? globalLimit),
    allowedMimeTypes: bucket.allowed_mime_types,
  };
}

/** Throws 413/415 unless an object of `size` bytes and `contentType` fits `limits`. */
export function assertFits(size: number, contentType: string, limits: BucketLimits): void {
  if (size > limits.maxBytes) throw storageErrors.entityTooLarge(limits.maxBytes);
  assertMimeAllowed(contentType, limits.allowedMimeTypes);
}
