// Validation of bucket names and object keys. Keys become paths on disk, so anything that
// could escape the bucket's folder (`..`, absolute paths, NUL, backslashes) is refused here,
// before any file or row is touched.
import { storageErrors } from './errors.ts';

// Supabase Storage's allowed characters (S3 "safe characters" plus a few), and any non-ASCII
// letter; control characters are never allowed.
const KEY_CHARS = /^[\p{L}\p{N}\p{M}\w/!\-.*'() &$@=;:+,?~%]+$/u;
const BUCKET_CHARS = /^[\w!\-.*'() &$@=;:+,?]+$/;
const MAX_KEY_BYTES = 1024;
const MAX_BUCKET_LENGTH = 100;

/** Throws a 400 StorageError unless `key` is a safe, relative object name. */
export function assertValidKey(key: string): void {
  if (key === '') throw storageErrors.invalidKey(key, 'the object name is empty');
  if (key.includes('\0')) throw storageErrors.invalidKey(key, 'contains a NUL byte');
  if (key.includes('\\')) throw storageErrors.invalidKey(key, 'contains a backslash');
  if (key.startsWith('/')) throw storageErrors.invalidKey(key, 'must not start with "/"');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES)
    throw storageErrors.invalidKey(key, `longer than ${MAX_KEY_BYTES} bytes`);
  for (const segment of key.split('/')) {
    if (segment === '..' || segment === '.')
      throw storageErrors.invalidKey(key, 'contains a "." or ".." segment');
    if (segment === '') throw storageErrors.invalidKey(key, 'contains an empty path segment');
  }
  if (!KEY_CHARS.test(key))
    throw storageErrors.invalidKey(key, 'contains characters that are not allowed');
}

/** Throws a 400 StorageError unless `name` is a valid bucket id. */
export function assertValidBucketName(name: string): void {
  if (name === '') throw storageErrors.invalidBucketName(name, 'the bucket name is empty');
  if (name.length > MAX_BUCKET_LENGTH)
    throw storageErrors.invalidBucketName(name, `longer than ${MAX_BUCKET_LENGTH} characters`);
  if (name === '.' || name === '..' || name.startsWith('.')) {
    throw storageErrors.invalidBucketName(name, 'must not start with "."');
  }
  if (!BUCKET_CHARS.test(name))
    throw storageErrors.invalidBucketName(name, 'contains characters that are not allowed');
}
