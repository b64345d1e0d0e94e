// HS256 JWTs signed with the stack's secret, as GoTrue issues them and PostgREST verifies them.
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

const encoder = new TextEncoder();

export type JwtClaims = JWTPayload & Record<string, unknown>;

/** Signs `claims` (which carry their own iat/exp) with HS256. */
export async function signJwt(claims: JwtClaims, secret: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(encoder.encode(secret));
}

export type VerifyResult =
  { ok: true; claims: JwtClaims } | { ok: false; reason: 'expired' | 'invalid'; message: string };

// Tokens that verified, with their expiry: every API request carries an apikey and a Bearer
// token, and WebCrypto's HMAC per request was the gateway's largest CPU cost. Bounded; expiry is
// re-checked on every hit.
const verifiedTokens = new Map<string, { claims: JwtClaims; exp: number | undefined }>();
const MAX_VERIFIED_TOKENS = 10_000;

/** Checks signature (HS256 only) and expiry; never throws. */
export async function verifyJwt(token: string, secret: string): Promise<VerifyResult> {
  const cacheKey = `${secret}\u0000${token}`;
  const cached = verifiedTokens.get(cacheKey);
  if (cached) {
    if (cached.exp === undefined || cached.exp * 1000 > Date.now())
      return { ok: true, claims: { ...cached.claims } };
    verifiedTokens.delete(cacheKey);
  }
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'] });
    if (verifiedTokens.size >= MAX_VERIFIED_TOKENS) {
      const oldest = verifiedTokens.keys().next().value;
      if (oldest !== undefined) verifiedTokens.delete(oldest);
    }
    verifiedTokens.set(cacheKey, { claims: payload, exp: payload.exp });
    return { ok: true, claims: { ...payload } };
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      return { ok: false, reason: 'expired', message: 'JWT expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { ok: false, reason: 'invalid', message: 'JWT signature is invalid' };
    }
    if (error instanceof errors.JOSEAlgNotAllowed) {
      return { ok: false, reason: 'invalid', message: 'JWT algorithm is not allowed (HS256 only)' };
    }
    return { ok: false, reason: 'invalid', message: 'JWT is malformed' };
  }
}
