// Signed URLs: an HS256 JWT `{url: "<bucket>/<name>", iat, exp}` signed with the stack's secret,
// as Supabase Storage issues them; whoever holds one may download that object until it expires.
// Each token also names its purpose, and is accepted for that purpose only: a download link
// handed out must never double as permission to write.
import { signJwt, verifyJwt } from '../auth/jwt.ts';
import { storageErrors } from './errors.ts';

type TokenPurpose = 'download' | 'upload';

/** Verifies `token` for exactly `bucket/name` and `purpose`; returns its claims. */
async function verifyToken(
  token: string | undefined,
  bucket: string,
  name: string,
  purpose: TokenPurpose,
  secret: string,
): Promise<Record<string, unknown>> {
  if (!token) throw storageErrors.invalidJwt('the token query parameter is required');
  const result = await verifyJwt(token, secret);
  if (!result.ok)
    throw storageErrors.invalidJwt(result.reason === 'expired' ? 'jwt expired' : result.message);
  if (result.claims.url !== `${bucket}/${name}` || result.claims.purpose !== purpose)
    throw storageErrors.invalidSignature();
  return result.claims;
}

/** Validates `expiresIn` (seconds, positive integer; numeric strings accepted). */
export function parseExpiresIn(value: unknown): number {
  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 1) {
    throw storageErrors.invalidInput('expiresIn must be a positive whole number of seconds');
  }
  return seconds;
}

/** The relative URL storage-js appends to its base: `/object/sign/<bucket>/<name>?token=...`. */
export async function signObjectUrl(
  bucket: string,
  name: string,
  expiresIn: number,
  secret: string,
): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const url = `${bucket}/${name}`;
  const token = await signJwt({ url, purpose: 'download', iat, exp: iat + expiresIn }, secret);
  return `/object/sign/${url}?token=${token}`;
}

/** Throws 400 unless `token` is a valid, unexpired download token for exactly `bucket/name`. */
export async function verifyObjectToken(
  token: string | undefined,
  bucket: string,
  name: string,
  secret: string,
): Promise<void> {
  await verifyToken(token, bucket, name, 'download', secret);
}

/** Signed upload URLs are valid this long, as on Supabase. */
export const SIGNED_UPLOAD_EXPIRY_SECONDS = 2 * 60 * 60;

export interface UploadGrant {
  /** The user the object will belong to (the JWT `sub` of whoever created the URL). */
  owner: string | undefined;
  upsert: boolean;
}

/** `/object/upload/sign/<bucket>/<name>?token=...` for a one-off upload by whoever holds it. */
export async function signUploadUrl(
  bucket: string,
  name: string,
  grant: UploadGrant,
  secret: string,
): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const url = `${bucket}/${name}`;
  const token = await signJwt(
    {
      url,
      purpose: 'upload',
      iat,
      exp: iat + SIGNED_UPLOAD_EXPIRY_SECONDS,
      upsert: grant.upsert,
      ...(grant.owner ? { owner: grant.owner } : {}),
    },
    secret,
  );
  return `/object/upload/sign/${url}?token=${token}`;
}

/** Checks an upload token (not a download one) for exactly `bucket/name`; returns what it grants. */
export async function verifyUploadToken(
  token: string | undefined,
  bucket: string,
  name: string,
  secret: string,
): Promise<UploadGrant> {
  const claims = await verifyToken(token, bucket, name, 'upload', secret);
  return {
    owner: typeof claims.owner === 'string' ? claims.owner : undefined,
    upsert: claims.upsert === true,
  };
}
