// HS256 JWTs signed with the stack's secret, as GoTrue issues them and PostgREST verifies them.
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

const encoder = new TextEncoder();

export type JwtClaims = JWTPayload & Record<string, unknown>;

/** Signs `claims` (which carry their own iat/exp) with HS256. */
export async function signJwt(claims: JwtClaims, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(encoder.encode(secret));
}

export type VerifyResult =
  | { ok: true; claims: JwtClaims }
  | { ok: false; reason: 'expired' | 'invalid'; message: string };

/** Checks signature (HS256 only) and expiry; never throws. */
export async function verifyJwt(token: string, secret: string): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'] });
    return { ok: true, claims: payload };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired', message: 'JWT expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { ok: false, reason: 'invalid', message: 'JWT signature is invalid' };
    }
    if (error instanceof errors.JOSEAlgNotAllowed) {
      return { ok: false, reason: 'invalid', message: 'JWT algorithm is not allowed (HS256 only)' };
    }
    return { ok: false, reason: 'invalid', message: 'JWT is malformed' };
  }
}
