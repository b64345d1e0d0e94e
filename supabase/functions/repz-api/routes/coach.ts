// POST /coach/invite (a coach creates a one-time code) and POST /coach/accept (a client uses it).
import {
  coachAcceptSchema,
  coachLinkSchema,
  INVITE_CODE_ALPHABET,
  inviteSchema,
} from '@alawein/repz-domain';
import type { FunctionApp } from '../../_shared/app.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { ApiError, fromDatabaseError } from '../../_shared/errors.ts';
import { readJson } from '../../_shared/http.ts';
import { respond } from '../../_shared/respond.ts';
import { parseInput } from '../../_shared/validation.ts';

/** How long an invite can be accepted. */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const CODE_LENGTH = 8;
const UNIQUE_VIOLATION = '23505';

/** A random invite code; rejection sampling keeps every character equally likely. */
export function newInviteCode(): string {
  const alphabet = INVITE_CODE_ALPHABET;
  const limit = 256 - (256 % alphabet.length);
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < limit && code.length < CODE_LENGTH) code += alphabet[byte % alphabet.length];
    }
  }
  return code;
}

export function registerCoachRoutes(app: FunctionApp<AuthVariables>): void {
  app.post('/coach/invite', async (c) => {
    const { db, user } = c.get('caller');
    // 31^8 codes make a collision vanishingly rare; one retry covers it.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS).toISOString();
      const { data, error } = await db
        .from('repz_coach_links')
        .insert({ coach_id: user.id, invite_code: newInviteCode(), invite_expires_at: expiresAt })
        .select('invite_code, invite_expires_at')
        .single();
      if (!error)
        return respond(
          c,
          inviteSchema,
          { code: data.invite_code, expires_at: data.invite_expires_at },
          201,
        );
      if (error.code !== UNIQUE_VIOLATION) throw fromDatabaseError(error);
    }
    throw new ApiError(409, 'conflict', 'could not allocate an invite code; try again');
  });

  app.post('/coach/accept', async (c) => {
    const { code } = parseInput(coachAcceptSchema, await readJson(c.req.raw));
    const { data, error } = await c.get('caller').db.rpc('repz_accept_invite', { code });
    if (error) throw fromDatabaseError(error);
    return respond(c, coachLinkSchema, data);
  });
}
