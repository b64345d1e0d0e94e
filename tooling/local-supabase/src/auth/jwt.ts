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

// Tokens that verified, with their expiry, per secret: every API request carries an apikey and a
// Bearer token, and WebCrypto's HMAC per request was the gateway's largest CPU cost. Bounded;
// expiry is re-checked on every hit. The claims are frozen and handed out as they are (callers
// read them; copying them twice per request showed in the profile), and a map per secret spares
// building a secret+token key string per lookup.
const verifiedTokens = new Map<
  string,
  Map<string, { claims: JwtClaims; exp: number | undefined }>
>();
const MAX_VERIFIED_TOKENS = 10_000;

/** `value` with it and every object inside it frozen: cached claims are shared by requests. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Checks signature (HS256 only) and expiry; never throws. The claims are frozen. */
export async function verifyJwt(token: string, secret: string): Promise<VerifyResult> {
  let verified = verifiedTokens.get(secret);
  if (verified === undefined) {
    verified = new Map();
    verifiedTokens.set(secret, verified);
  }
  const cached = verified.get(token);
  if (cached) {
    if (cached.exp === undefined || cached.exp * 1000 > Date.now())
      return { ok: true, claims: cached.claims };
    verified.delete(token);
  }
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'] });
    if (verified.size >= MAX_VERIFIED_TOKENS) {
      const oldest = verified.keys().next().value;
      if (oldest !== undefined) verified.delete(oldest);
    }
    const claims = deepFreeze(payload);
    verified.set(token, { claims, exp: claims.exp });
    return { ok: true, claims };
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
