// bcrypt hashes (GoTrue's cost 10; $2a$/$2b$ hashes from pgcrypto's crypt() verify too) and
// GoTrue's password rules.
import bcrypt from 'bcryptjs';
import { unprocessable } from './errors.ts';

const COST = 10;
/** bcrypt reads at most 72 bytes; GoTrue refuses longer passwords rather than truncating them. */
const MAX_PASSWORD_BYTES = 72;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash) return false;
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

/** Throws 422 weak_password when `password` breaks the configured rules. */
export function assertPasswordStrength(password: string, minimumLength: number): void {
  if ([...password].length < minimumLength) {
    throw unprocessable(
      'weak_password',
      `Password should be at least ${minimumLength} characters.`,
      {
        weak_password: { reasons: ['length'] },
      },
    );
  }
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw unprocessable(
      'weak_password',
      `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`,
      {
        weak_password: { reasons: ['length'] },
      },
    );
  }
}
