// Sessions, refresh-token rotation and access tokens, following GoTrue: every refresh revokes the
// presented token and issues its child; a revoked token is still honoured for a short reuse window
// (concurrent tabs), after which presenting it is treated as theft and ends the whole session.
import { randomBytes, randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import type { StackConfig } from '../context.ts';
import { signJwt } from './jwt.ts';
import { badRequest, type AuthApiError } from './errors.ts';
import { userJson, type UserRow } from './users.ts';

export interface SessionResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
}

interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  updated_at: Date;
  session_id: string;
}

function newRefreshToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The access token's claims, as GoTrue signs them. */
async function accessToken(
  config: StackConfig,
  user: UserRow,
  sessionId: string,
  amr: { method: string; timestamp: number }[],
): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(Date.now() / 1000);
  const expiresAt = iat + config.jwtExpiry;
  const token = await signJwt(
    {
      iss: `${config.apiUrl}/auth/v1`,
      sub: user.id,
      aud: user.aud ?? 'authenticated',
      exp: expiresAt,
      iat,
      email: user.email ?? '',
      phone: user.phone ?? '',
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      role: user.role ?? 'authenticated',
      aal: 'aal1',
      amr,
      session_id: sessionId,
      is_anonymous: user.is_anonymous,
    },
    config.jwtSecret,
  );
  return { token, expiresAt };
}

async function sessionResponse(
  db: ClientBase,
  config: StackConfig,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
  amr: { method: string; timestamp: number }[],
): Promise<SessionResponse> {
  const { token, expiresAt } = await accessToken(config, user, sessionId, amr);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: config.jwtExpiry,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: await userJson(db, user),
  };
}

/** Starts a session for `user` (sign-up, password grant) and returns GoTrue's session body. */
export async function createSession(
  db: ClientBase,
  config: StackConfig,
  user: UserRow,
  request: { userAgent?: string; ip?: string },
  /** How the user proved who they are (the access token's `amr`): password, otp, recovery… */
  method = 'password',
): Promise<SessionResponse> {
  const sessionId = randomUUID();
  const refreshToken = newRefreshToken();
  await db.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', $3, $4)`,
    [sessionId, user.id, request.userAgent ?? null, request.ip ?? null],
  );
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3)`,
    [refreshToken, user.id, sessionId],
  );
  const amr = [{ method, timestamp: Math.floor(Date.now() / 1000) }];
  return sessionResponse(db, config, user, sessionId, refreshToken, amr);
}

const NOT_FOUND = () =>
  badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

/**
 * Exchanges a refresh token for a new session (must run inside a transaction: the token row is
 * locked so two tabs refreshing at once get consistent answers). A reused token yields the error
 * instead of throwing it, so the caller commits the session's revocation before answering.
 */
export async function refreshSession(
  db: ClientBase,
  config: StackConfig,
  presented: string,
  findUser: (id: string) => Promise<UserRow | undefined>,
): Promise<SessionResponse | AuthApiError> {
  const { rows } = await db.query<RefreshTokenRow & { session_created_at: Date }>(
    `select t.id, t.token, t.user_id, t.revoked, t.updated_at, t.session_id, s.created_at as session_created_at
       from auth.refresh_tokens t join auth.sessions s on s.id = t.session_id
      where t.token = $1
      for update of t`,
    [presented],
  );
  const row = rows[0];
  if (!row) throw NOT_FOUND();
  const user = await findUser(row.user_id);
  if (!user) throw NOT_FOUND();
  if (user.banned_until && user.banned_until > new Date())
    throw badRequest('user_banned', 'User is banned');

  const reuseWindowMs = (config.auth?.refreshTokenReuseInterval ?? 10) * 1000;
  let refreshToken: string;
  if (row.revoked) {
    const withinWindow = Date.now() - row.updated_at.getTime() <= reuseWindowMs;
    const active = await db.query<{ token: string }>(
      `select token from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1`,
      [row.session_id],
    );
    const current = active.rows[0];
    if (!withinWindow || !current) {
      // A token used twice outside the window was probably stolen: end the whole session.
      await db.query('delete from auth.sessions where id = $1', [row.session_id]);
      return badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    // Within the window: the client raced itself; hand out the session's current token.
    refreshToken = current.token;
  } else if (config.auth?.refreshTokenRotation === false) {
    refreshToken = row.token;
  } else {
    refreshToken = newRefreshToken();
    await db.query(
      'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1',
      [row.id],
    );
    await db.query(
      `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
       values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
      [refreshToken, row.user_id, row.token, row.session_id],
    );
  }
  await db.query(
    'update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1',
    [row.session_id],
  );
  const amr = [
    { method: 'password', timestamp: Math.floor(row.session_created_at.getTime() / 1000) },
  ];
  return sessionResponse(db, config, user, row.session_id, refreshToken, amr);
}

export async function sessionExists(db: ClientBase, sessionId: string): Promise<boolean> {
  const { rowCount } = await db.query('select 1 from auth.sessions where id = $1', [sessionId]);
  return (rowCount ?? 0) > 0;
}

export type LogoutScope = 'global' | 'local' | 'others';

/** Ends sessions: this one (local), every one of the user (global) or all but this one (others). */
export async function endSessions(
  db: ClientBase,
  userId: string,
  sessionId: string,
  scope: LogoutScope,
) {
  if (scope === 'local') await db.query('delete from auth.sessions where id = $1', [sessionId]);
  else if (scope === 'global')
    await db.query('delete from auth.sessions where user_id = $1', [userId]);
  else
    await db.query('delete from auth.sessions where user_id = $1 and id <> $2', [
      userId,
      sessionId,
    ]);
}
