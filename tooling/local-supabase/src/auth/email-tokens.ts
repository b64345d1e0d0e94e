// One-time email tokens as GoTrue keeps them: a 6-digit code mailed to the user, stored only as
// sha224(email + code) in the auth.users column of its flow, with the time it was sent. A link
// carries the same hash, so either the code (with the address) or the link proves the mailbox.
import { createHash, randomInt } from 'node:crypto';
import type { ClientBase } from 'pg';
import { AuthApiError } from './errors.ts';

export type TokenFlow = 'confirmation' | 'recovery' | 'email_change_new' | 'email_change_current';

const COLUMNS: Record<TokenFlow, { token: string; sentAt: string }> = {
  confirmation: { token: 'confirmation_token', sentAt: 'confirmation_sent_at' },
  recovery: { token: 'recovery_token', sentAt: 'recovery_sent_at' },
  email_change_new: { token: 'email_change_token_new', sentAt: 'email_change_sent_at' },
  email_change_current: { token: 'email_change_token_current', sentAt: 'email_change_sent_at' },
};

/** Which stored tokens a `verify` of `type` may match, as GoTrue decides. */
export const FLOWS_OF_TYPE: Record<string, TokenFlow[]> = {
  signup: ['confirmation'],
  invite: ['confirmation'],
  magiclink: ['recovery', 'confirmation'],
  recovery: ['recovery'],
  email: ['confirmation', 'recovery'],
  email_change: ['email_change_current', 'email_change_new'],
};

export const tokenHash = (email: string, otp: string): string =>
  createHash('sha224').update(`${email}${otp}`).digest('hex');

export interface IssuedToken {
  otp: string;
  hash: string;
}

/** 429 when a mail of this flow went to the user less than `seconds` ago. */
export async function assertSendAllowed(
  db: ClientBase,
  userId: string,
  flow: TokenFlow,
  seconds: number,
): Promise<void> {
  const { rows } = await db.query<{ wait: number | null }>(
    `select ceil(extract(epoch from (${COLUMNS[flow].sentAt} + make_interval(secs => $2) - now())))::int as wait
       from auth.users where id = $1`,
    [userId, seconds],
  );
  const wait = rows[0]?.wait;
  if (wait !== null && wait !== undefined && wait > 0) {
    throw new AuthApiError(
      429,
      'over_email_send_rate_limit',
      `For security purposes, you can only request this after ${wait} seconds.`,
    );
  }
}

/** Stores a new token for `flow` (replacing any earlier one) and returns the code to mail. */
export async function issueToken(
  db: ClientBase,
  userId: string,
  flow: TokenFlow,
  address: string,
): Promise<IssuedToken> {
  const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const hash = tokenHash(address, otp);
  const { token, sentAt } = COLUMNS[flow];
  await db.query(`update auth.users set ${token} = $2, ${sentAt} = now() where id = $1`, [
    userId,
    hash,
  ]);
  return { otp, hash };
}

export interface TokenMatch {
  userId: string;
  flow: TokenFlow;
}

/**
 * Finds the user and flow a token proves, locking the row: by its hash (a link), or by the
 * address and the code. Expired (`otpExpiry` seconds) or unknown tokens match nothing.
 */
export async function findToken(
  db: ClientBase,
  flows: TokenFlow[],
  proof: { tokenHash: string } | { email: string; otp: string },
  otpExpiry: number,
): Promise<TokenMatch | undefined> {
  for (const flow of flows) {
    const { token, sentAt } = COLUMNS[flow];
    const address = flow === 'email_change_new' ? 'email_change' : 'email';
    const hash =
      'tokenHash' in proof ? proof.tokenHash.toLowerCase() : tokenHash(proof.email, proof.otp);
    const byAddress = 'email' in proof ? ` and ${address} = $3` : '';
    const { rows } = await db.query<{ id: string }>(
      `select id from auth.users
        where ${token} = $1 and ${token} <> '' and deleted_at is null
          and ${sentAt} + make_interval(secs => $2) > now()${byAddress}
        for update`,
      'email' in proof ? [hash, otpExpiry, proof.email] : [hash, otpExpiry],
    );
    if (rows[0]) return { userId: rows[0].id, flow };
  }
  return undefined;
}

/** Spends a token: it cannot be used twice. */
export async function clearToken(db: ClientBase, userId: string, flow: TokenFlow): Promise<void> {
  await db.query(`update auth.users set ${COLUMNS[flow].token} = '' where id = $1`, [userId]);
}
