// Whose eyes a Realtime channel sees the database with: the channel's access_token when it sent
// one, else the apikey of the connection (anon or service_role), exactly as Supabase's Realtime.
import { verifyJwt, type JwtClaims } from '../auth/jwt.ts';
import type { RequestAuth } from '../context.ts';

export interface Identity extends RequestAuth {
  /** Channels with the same key share one RLS check per change. */
  key: string;
  /** Expiry in epoch seconds, when the token has one. */
  expiresAt: number | undefined;
}

export type IdentityResult = { ok: true; identity: Identity } | { ok: false; message: string };

/** Verifies `token` (signature and expiry) and derives the database role and claims from it. */
export async function resolveIdentity(token: string, jwtSecret: string): Promise<IdentityResult> {
  const verified = await verifyJwt(token, jwtSecret);
  if (!verified.ok) {
    return {
      ok: false,
      message:
        verified.reason === 'expired'
          ? 'Token has expired'
          : `Invalid access token: ${verified.message}`,
    };
  }
  return { ok: true, identity: identityFromClaims(verified.claims, token) };
}

function identityFromClaims(claims: JwtClaims, token: string): Identity {
  const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : 'anon';
  return {
    role,
    claims,
    token,
    key: JSON.stringify([role, claims]),
    expiresAt: typeof claims.exp === 'number' ? claims.exp : undefined,
  };
}
