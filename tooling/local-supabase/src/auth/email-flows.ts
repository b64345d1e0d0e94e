// GoTrue's email flows over the local inbox: sign-up confirmation (when enabled), password
// recovery, magic links and one-time codes (`/otp`, `/magiclink`), email change with double
// confirmation, `/resend`, and `/verify` by code (POST) or by the mailed link (GET, which
// redirects with the session in the URL fragment, as the implicit flow expects).
import type { Context, Hono } from 'hono';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import type { AuthSettings, StackConfig } from '../context.ts';
import {
  assertSendAllowed,
  clearToken,
  findToken,
  FLOWS_OF_TYPE,
  issueToken,
  type TokenFlow,
} from './email-tokens.ts';
import { AuthApiError, badRequest, unprocessable } from './errors.ts';
import type { Mailer } from './mailer.ts';
import { readBody } from './schemas.ts';
import { createSession, type SessionResponse } from './sessions.ts';
import { findUserByEmail, findUserById, insertUser, updateUser, type UserRow } from './users.ts';

const email = z
  .string({ error: 'must be a string' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Unable to validate email address: invalid format' }));

const otpBody = z.object({
  email: email.optional(),
  phone: z.string().optional(),
  data: z.record(z.string(), z.unknown(), { error: 'must be a JSON object' }).nullish(),
  create_user: z.boolean({ error: 'must be a boolean' }).nullish(),
  code_challenge: z.string().nullish(),
});
const recoverBody = z.object({ email, code_challenge: z.string().nullish() });
const resendBody = z.object({ type: z.enum(['signup', 'email_change']), email });
const verifyBody = z.object({
  type: z.enum(['signup', 'invite', 'magiclink', 'recovery', 'email_change', 'email'], {
    error: 'type must be one of signup, invite, magiclink, recovery, email_change, email',
  }),
  token: z.string().optional(),
  token_hash: z.string().optional(),
  email: email.optional(),
  phone: z.string().optional(),
  redirect_to: z.string().optional(),
});

const invalidToken = () => new AuthApiError(403, 'otp_expired', 'Token has expired or is invalid');
const SINGLE_CONFIRMATION =
  'Confirmation link accepted. Please proceed to confirm link sent to the other email';

export interface EmailFlowDeps {
  config: StackConfig;
  settings: AuthSettings;
  pool: Pool;
  mailer: Mailer;
  inTransaction: <T>(work: (db: PoolClient) => Promise<T>) => Promise<T>;
  clientInfo: (c: Context) => { userAgent?: string };
}

/** `redirect_to` when it is the site or an allowed redirect URL (`*` globs), else site_url. */
export function allowedRedirect(settings: AuthSettings, requested: string | undefined): string {
  const site = settings.siteUrl ?? 'http://127.0.0.1:3000';
  if (!requested) return site;
  const patterns = [site, ...(settings.additionalRedirectUrls ?? [])];
  const allowed = patterns.some((pattern) => {
    if (pattern.includes('*')) {
      const regex = pattern
        .split('**')
        .map((part) =>
          part
            .split('*')
            .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*'),
        )
        .join('.*');
      return new RegExp(`^${regex}$`).test(requested);
    }
    return (
      requested === pattern || requested.startsWith(pattern.endsWith('/') ? pattern : `${pattern}/`)
    );
  });
  return allowed ? requested : site;
}

/** Registers the routes that need no apikey (a mailed link is opened in a browser). */
export function registerOpenEmailRoutes(app: Hono, deps: EmailFlowDeps): void {
  app.get('/verify', async (c) => {
    const type = c.req.query('type') ?? '';
    const redirect = allowedRedirect(deps.settings, c.req.query('redirect_to'));
    const target = new URL(redirect);
    try {
      const outcome = await verify(deps, c, {
        type,
        proof: { tokenHash: c.req.query('token') ?? '' },
      });
      const fragment =
        'session' in outcome
          ? new URLSearchParams({
              access_token: outcome.session.access_token,
              expires_at: String(outcome.session.expires_at),
              expires_in: String(outcome.session.expires_in),
              refresh_token: outcome.session.refresh_token,
              token_type: 'bearer',
              type,
            })
          : new URLSearchParams({ message: outcome.message });
      target.hash = fragment.toString();
    } catch (error) {
      if (!(error instanceof AuthApiError)) throw error;
      target.hash = new URLSearchParams({
        error: 'access_denied',
        error_code: error.code,
        error_description:
          error.code === 'otp_expired' ? 'Email link is invalid or has expired' : error.message,
      }).toString();
    }
    return c.redirect(target.toString(), 303);
  });
}

type VerifyOutcome = { session: SessionResponse } | { message: string };

async function verify(
  deps: EmailFlowDeps,
  c: Context,
  input: { type: string; proof: { tokenHash: string } | { email: string; otp: string } },
): Promise<VerifyOutcome> {
  const flows = FLOWS_OF_TYPE[input.type];
  if (!flows)
    throw badRequest('validation_failed', `Verify requires a valid type, got "${input.type}"`);
  if ('tokenHash' in input.proof && input.proof.tokenHash === '') throw invalidToken();
  const expiry = deps.settings.otpExpiry ?? 3600;
  return deps.inTransaction(async (db) => {
    const match = await findToken(db, flows, input.proof, expiry);
    if (!match) throw invalidToken();
    await clearToken(db, match.userId, match.flow);
    const user = await findUserById(db, match.userId, true);
    if (!user) throw invalidToken();
    if (match.flow === 'email_change_current' || match.flow === 'email_change_new') {
      return confirmEmailChange(deps, c, db, user);
    }
    // Proving the mailbox confirms the address, whichever mail it was.
    await db.query(
      `update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb
        where user_id = $1 and provider = 'email'`,
      [user.id],
    );
    const confirmed = await updateUser(db, user, { emailConfirmed: true, lastSignInNow: true });
    const method =
      input.type === 'recovery' ? 'recovery' : input.type === 'magiclink' ? 'magiclink' : 'otp';
    return { session: await createSession(db, deps.config, confirmed, deps.clientInfo(c), method) };
  });
}

/** One side of a double-confirmed change waits for the other; the last one applies it. */
async function confirmEmailChange(
  deps: EmailFlowDeps,
  c: Context,
  db: PoolClient,
  user: UserRow,
): Promise<VerifyOutcome> {
  const newEmail = user.email_change;
  if (!newEmail) throw invalidToken();
  const needsBoth = (deps.settings.doubleConfirmChanges ?? true) && Boolean(user.email);
  if (needsBoth && (user.email_change_confirm_status ?? 0) === 0) {
    await db.query('update auth.users set email_change_confirm_status = 1 where id = $1', [
      user.id,
    ]);
    return { message: SINGLE_CONFIRMATION };
  }
  await db.query(
    `update auth.users set email_change = '', email_change_token_new = '', email_change_token_current = '',
            email_change_confirm_status = 0 where id = $1`,
    [user.id],
  );
  const changed = await updateUser(
    db,
    { ...user, email_change: null },
    {
      email: newEmail,
      emailConfirmed: true,
      lastSignInNow: true,
    },
  );
  return { session: await createSession(db, deps.config, changed, deps.clientInfo(c), 'otp') };
}

/** Mails a new token of `flow` to `address` (after the max_frequency check). */
async function mailToken(
  deps: EmailFlowDeps,
  db: PoolClient,
  user: UserRow,
  flow: TokenFlow,
  address: string,
  mail: { kind: Parameters<Mailer['send']>[0]; type: string; redirect: string; detail?: string },
): Promise<void> {
  const token = await issueToken(db, user.id, flow, address);
  const link = new URL(`${deps.config.apiUrl}/auth/v1/verify`);
  link.search = new URLSearchParams({
    token: token.hash,
    type: mail.type,
    redirect_to: mail.redirect,
  }).toString();
  deps.mailer.send(mail.kind, address, {
    link: link.toString(),
    otp: token.otp,
    detail: mail.detail,
  });
}

/** Sends a sign-up confirmation (used by /signup, /otp for new users and /resend). */
export async function sendConfirmation(
  deps: EmailFlowDeps,
  db: PoolClient,
  user: UserRow,
  redirect: string,
): Promise<void> {
  await assertSendAllowed(db, user.id, 'confirmation', deps.settings.emailMaxFrequency ?? 1);
  await mailToken(deps, db, user, 'confirmation', user.email ?? '', {
    kind: 'confirmation',
    type: 'signup',
    redirect,
  });
}

/** Starts an email change: mails the new address, and the current one when both must confirm. */
export async function startEmailChange(
  deps: EmailFlowDeps,
  db: PoolClient,
  user: UserRow,
  newEmail: string,
  redirect: string,
): Promise<UserRow> {
  const taken = await findUserByEmail(db, newEmail);
  if (taken && taken.id !== user.id) {
    throw unprocessable(
      'email_exists',
      'A user with this email address has already been registered',
    );
  }
  await assertSendAllowed(db, user.id, 'email_change_new', deps.settings.emailMaxFrequency ?? 1);
  await db.query(
    `update auth.users set email_change = $2, email_change_confirm_status = 0, email_change_token_current = ''
      where id = $1`,
    [user.id, newEmail],
  );
  const detail = `from ${user.email ?? ''} to ${newEmail}`;
  const mail = { kind: 'email_change' as const, type: 'email_change', redirect, detail };
  await mailToken(deps, db, user, 'email_change_new', newEmail, mail);
  if ((deps.settings.doubleConfirmChanges ?? true) && user.email) {
    await mailToken(deps, db, user, 'email_change_current', user.email, mail);
  }
  const updated = await findUserById(db, user.id);
  if (!updated) throw new Error('user vanished during an email change');
  return updated;
}

/** Registers the email routes that need an apikey. */
export function registerEmailRoutes(app: Hono, deps: EmailFlowDeps): void {
  const redirectOf = (c: Context) => allowedRedirect(deps.settings, c.req.query('redirect_to'));
  const noPkce = (challenge: string | null | undefined) => {
    if (challenge) {
      throw badRequest(
        'validation_failed',
        "The local stack supports the implicit flow only: create the client without flowType: 'pkce'",
      );
    }
  };

  app.post('/verify', async (c) => {
    const body = await readBody(c, verifyBody);
    let proof: { tokenHash: string } | { email: string; otp: string };
    if (body.token_hash) proof = { tokenHash: body.token_hash };
    else if (body.email && body.token) proof = { email: body.email, otp: body.token.trim() };
    else if (body.phone)
      throw badRequest('validation_failed', 'Phone verification is not supported');
    else
      throw badRequest(
        'validation_failed',
        'Verify requires either a token_hash, or an email and a token',
      );
    const outcome = await verify(deps, c, { type: body.type, proof });
    if ('session' in outcome) return c.json(outcome.session);
    return c.json({ msg: outcome.message, code: 200 });
  });

  app.post('/recover', async (c) => {
    const body = await readBody(c, recoverBody);
    noPkce(body.code_challenge);
    const redirect = redirectOf(c);
    await deps.inTransaction(async (db) => {
      const user = await findUserByEmail(db, body.email);
      // Unknown addresses get the same answer: no telling who has an account.
      if (!user) return;
      await assertSendAllowed(db, user.id, 'recovery', deps.settings.emailMaxFrequency ?? 1);
      await mailToken(deps, db, user, 'recovery', body.email, {
        kind: 'recovery',
        type: 'recovery',
        redirect,
      });
    });
    return c.json({});
  });

  const magicLink = async (c: Context, body: z.output<typeof otpBody>) => {
    noPkce(body.code_challenge);
    if (!body.email) {
      throw badRequest(
        'validation_failed',
        body.phone ? 'Phone one-time passwords are not supported' : 'An email address is required',
      );
    }
    const address = body.email;
    const redirect = redirectOf(c);
    await deps.inTransaction(async (db) => {
      let user = await findUserByEmail(db, address);
      if (!user) {
        if (body.create_user === false)
          throw unprocessable('otp_disabled', 'Signups not allowed for otp');
        if (!deps.settings.enableSignup) {
          throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
        }
        user = await insertUser(db, {
          email: address,
          passwordHash: null,
          emailConfirmed: false,
          userMetadata: body.data ?? {},
          appMetadata: {},
        });
      }
      if (!user.email_confirmed_at) {
        await sendConfirmation(deps, db, user, redirect);
        return;
      }
      await assertSendAllowed(db, user.id, 'recovery', deps.settings.emailMaxFrequency ?? 1);
      await mailToken(deps, db, user, 'recovery', address, {
        kind: 'magic_link',
        type: 'magiclink',
        redirect,
      });
    });
    return c.json({});
  };
  app.post('/otp', async (c) => magicLink(c, await readBody(c, otpBody)));
  app.post('/magiclink', async (c) =>
    magicLink(c, { ...(await readBody(c, otpBody)), create_user: true }),
  );

  app.post('/resend', async (c) => {
    const body = await readBody(c, resendBody);
    const redirect = redirectOf(c);
    await deps.inTransaction(async (db) => {
      if (body.type === 'signup') {
        const user = await findUserByEmail(db, body.email);
        if (user && !user.email_confirmed_at) await sendConfirmation(deps, db, user, redirect);
        return;
      }
      const { rows } = await db.query<{ id: string }>(
        `select id from auth.users where email = $1 and email_change <> '' and deleted_at is null`,
        [body.email],
      );
      const user = rows[0] ? await findUserById(db, rows[0].id, true) : undefined;
      if (user?.email_change) await startEmailChange(deps, db, user, user.email_change, redirect);
    });
    return c.json({});
  });
}
