// Signed URLs: an HS256 JWT `{url: "<bucket>/<name>", iat, exp}` signed with the stack's secret,
// as Supabase Storage issues them; whoever holds one may download that object until it expires.
import { signJwt, verifyJwt } from '../auth/jwt.ts';
import { storageErrors } from './errors.ts';

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
  const token = await signJwt({ url, iat, exp: iat + expiresIn }, secret);
  return `/object/sign/${url}?token=${token}`;
}

/** Throws 400 unless `token` is a valid, unexpired signature for exactly `bucket/name`. */
export async function verifyObjectToken(
  token: string | undefined,
  bucket: string,
  name: string,
  secret: string,
): Promise<void> {
  if (!token) throw storageErrors.invalidJwt('the token query parameter is required');
  const result = await verifyJwt(token, secret);
  if (!result.ok)
    throw storageErrors.invalidJwt(result.reason === 'expired' ? 'jwt expired' : result.message);
  if (result.claims.url !== `${bucket}/${name}`) throw storageErrors.invalidSignature();
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
      iat,
      exp: iat + SIGNED_UPLOAD_EXPIRY_SECONDS,
      upsert: grant.upsert,
      ...(grant.owner ? { owner: grant.owner } : {}),
    },
    secret,
  );
  return `/object/upload/sign/${url}?token=${token}`;
}

/** Checks an upload token for exactly `bucket/name` and returns what it grants. */
export async function verifyUploadToken(
  token: string | undefined,
  bucket: string,
  name: string,
  secret: string,
): Promise<UploadGrant> {
  if (!token) throw storageErrors.invalidJwt('the token query parameter is required');
  const result = await verifyJwt(token, secret);
  if (!result.ok)
    throw storageErrors.invalidJwt(result.reason === 'expired' ? 'jwt expired' : result.message);
  if (result.claims.url !== `${bucket}/${name}`) throw storageErrors.invalidSignature();
  return {
    owner: typeof result.claims.owner === 'string' ? result.claims.owner : undefined,
    upsert: result.claims.upsert === true,
  };
}
