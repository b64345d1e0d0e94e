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
export async function signObjectUrl(bucket: string, name: string, expiresIn: number, secret: string): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const url = `${bucket}/${name}`;
  const token = await signJwt({ url, iat, exp: iat + expiresIn }, secret);
  return `/object/sign/${url}?token=${token}`;
}

/** Throws 400 unless `token` is a valid, unexpired signature for exactly `bucket/name`. */
export async function verifyObjectToken(token: string | undefined, bucket: string, name: string, secret: string): Promise<void> {
  if (!token) throw storageErrors.invalidJwt('the token query parameter is required');
  const result = await verifyJwt(token, secret);
  if (!result.ok) throw storageErrors.invalidJwt(result.reason === 'expired' ? 'jwt expired' : result.message);
  if (result.claims.url !== `${bucket}/${name}`) throw storageErrors.invalidSignature();
}
