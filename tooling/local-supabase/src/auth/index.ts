// `/auth/v1`: the GoTrue endpoints supabase-js uses — sign-up, password and refresh-token grants,
// the current user, logout scopes, admin user management, health and settings.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '@alawein/logger';
import type { AuthSettings, ServiceFactory, StackConfig } from '../context.ts';
import type { Mailbox } from '../inbox/mailbox.ts';
import {
  allowedRedirect,
  registerEmailRoutes,
  registerOpenEmailRoutes,
  sendConfirmation,
  startEmailChange,
  type EmailFlowDeps,
} from './email-flows.ts';
import { createMailer } from './mailer.ts';
import { defaultAuthError, getRequestAuth, requireRequestAuth } from '../gateway/request-auth.ts';
import {
  AuthApiError,
  authErrorResponse,
  badRequest,
  forbidden,
  notFound,
  setApiVersionHeader,
  unprocessable,
} from './errors.ts';
import { assertPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';
import {
  adminCreateUserBody,
  adminUpdateUserBody,
  passwordGrantBody,
  readBody,
  readJsonText,
  refreshGrantBody,
  signupBody,
  updateUserBody,
} from './schemas.ts';
import { createSession, endSessions, refreshSession, sessionExists } from './sessions.ts';
import {
  deleteUser,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  updateUser,
  userJson,
  type UserRow,
} from './users.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);
/** Compared against when the email is unknown, so a miss costs as long as a wrong password. */
const DUMMY_HASH = '$2b$10$VaC/Z45iQgIhaLPCmKXuJuOV9J/zXcKHtjI0VKSy3RlylR3SZUIN6';
const DEFAULT_SETTINGS: AuthSettings = {
  enableSignup: true,
  minimumPasswordLength: 6,
  refreshTokenRotation: true,
  refreshTokenReuseInterval: 10,
};

async function inTransaction<T>(pool: Pool, work: (db: PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  try {
    await db.query('begin');
    const result = await work(db);
    await db.query('commit');
    return result;
  } catch (error) {
    await db.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}

/** Parses a Go duration ("24h", "1h30m") into milliseconds; "none" → null (unban). */
function banUntil(duration: string | undefined): Date | null | undefined {
  if (duration === undefined) return undefined;
  if (duration === 'none') return null;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let ms = 0;
  for (const [, value = '0', suffix = 's'] of duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    ms += Number(value) * (unit[suffix] ?? 0);
  }
  return new Date(Date.now() + ms);
}

/** The authenticated caller's user and session, as GoTrue's requireAuthentication resolves them. */
async function currentUser(c: Context, db: PoolClient, lock = false) {
  const { claims } = getRequestAuth(c);
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '')
    throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!UUID.test(sub)) throw forbidden('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const sessionId = typeof claims.session_id === 'string' ? claims.session_id : undefined;
  if (sessionId && (!UUID.test(sessionId) || !(await sessionExists(db, sessionId)))) {
    throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  const user = await findUserById(db, sub, lock);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  return { user, sessionId };
}

function requireAdmin(c: Context): void {
  if (!ADMIN_ROLES.has(getRequestAuth(c).role)) throw forbidden('not_admin', 'User not allowed');
}

function userIdParam(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) throw notFound('user_not_found', 'User not found');
  return id;
}

function clientInfo(c: Context) {
  return { userAgent: c.req.header('user-agent') };
}

function isBanned(user: UserRow): boolean {
  return Boolean(user.banned_until && user.banned_until > new Date());
}

/** Builds the GoTrue-compatible Hono app (routes relative to /auth/v1); mail goes to `mailbox`. */
export function createAuthApp(
  config: StackConfig,
  pool: Pool,
  mail: { mailbox: Mailbox | undefined; logger: Logger },
): Hono {
  const settings = config.auth ?? DEFAULT_SETTINGS;
  const app = new Hono();
  const emailDeps: EmailFlowDeps = {
    config,
    settings,
    pool,
    mailer: createMailer(mail.mailbox, mail.logger),
    inTransaction: (work) => inTransaction(pool, work),
    clientInfo,
  };

  app.onError((error, c) => {
    if (error instanceof AuthApiError) return authErrorResponse(c, error);
    throw error;
  });
  app.use('*', async (c, next) => {
    await next();
    setApiVersionHeader(c);
  });
  // Mailed links are opened in a browser, without an apikey (hosted's gateway leaves /verify open).
  registerOpenEmailRoutes(app, emailDeps);
  app.use(
    '*',
    requireRequestAuth(config, {
      onError: (c, failure) =>
        failure.reason === 'missing_apikey' || failure.reason === 'invalid_apikey'
          ? defaultAuthError(c, failure)
          : authErrorResponse(
              c,
              new AuthApiError(401, 'bad_jwt', `invalid JWT: ${failure.message}`),
            ),
    }),
  );

  app.get('/health', (c) =>
    c.json({
      version: 'local',
      name: 'GoTrue',
      description: 'GoTrue is a user registration and authentication API',
    }),
  );

  app.get('/settings', (c) =>
    c.json({
      external: {
        anonymous_users: false,
        email: true,
        phone: false,
        apple: false,
        azure: false,
        bitbucket: false,
        discord: false,
        facebook: false,
        figma: false,
        github: false,
        gitlab: false,
        google: false,
        keycloak: false,
        kakao: false,
        linkedin_oidc: false,
        notion: false,
        slack_oidc: false,
        spotify: false,
        twitch: false,
        twitter: false,
        workos: false,
        zoom: false,
      },
      disable_signup: !settings.enableSignup,
      mailer_autoconfirm: !(settings.emailConfirmations ?? false),
      phone_autoconfirm: false,
      sms_provider: '',
      saml_enabled: false,
    }),
  );

  app.post('/signup', async (c) => {
    const body = await readBody(c, signupBody);
    if (!settings.enableSignup)
      throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
    if (!body.email && !body.phone && !body.password) {
      throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
    }
    if (!body.email && body.phone)
      throw unprocessable('phone_provider_disabled', 'Phone signups are disabled');
    if (!body.email) throw badRequest('validation_failed', 'To signup, please provide your email');
    if (!body.password) throw badRequest('validation_failed', 'Signup requires a valid password');
    assertPasswordStrength(body.password, settings.minimumPasswordLength);
    const passwordHash = await hashPassword(body.password);
    const email = body.email;
    const confirm = settings.emailConfirmations ?? false;
    const redirect = allowedRedirect(settings, c.req.query('redirect_to'));
    const answer = await inTransaction(pool, async (db) => {
      const existing = await findUserByEmail(db, email);
      if (existing && confirm && !existing.email_confirmed_at) {
        // Signing up again before confirming sends the confirmation again.
        await sendConfirmation(emailDeps, db, existing, redirect);
        return userJson(db, (await findUserById(db, existing.id)) ?? existing);
      }
      if (existing) throw unprocessable('user_already_exists', 'User already registered');
      const user = await insertUser(db, {
        email,
        passwordHash,
        emailConfirmed: !confirm,
        userMetadata: body.data ?? {},
        appMetadata: {},
      }).catch((error: unknown) => {
        if (error instanceof AuthApiError && error.code === 'email_exists') {
          throw unprocessable('user_already_exists', 'User already registered');
        }
        throw error;
      });
      if (confirm) {
        // No session until the address is confirmed: the user object, as GoTrue answers.
        await sendConfirmation(emailDeps, db, user, redirect);
        return userJson(db, (await findUserById(db, user.id)) ?? user);
      }
      const signedIn = await updateUser(db, user, { lastSignInNow: true });
      return createSession(db, config, signedIn, clientInfo(c));
    });
    return c.json(answer);
  });

  app.post('/token', async (c) => {
    const grantType = c.req.query('grant_type');
    if (grantType === 'password') {
      const body = await readBody(c, passwordGrantBody);
      if (!body.email) {
        throw badRequest(
          'validation_failed',
          body.phone ? 'Phone logins are disabled' : 'missing email or phone',
        );
      }
      const email = body.email;
      const password = body.password ?? '';
      const user = await inTransaction(pool, (db) => findUserByEmail(db, email));
      const valid = await verifyPassword(password, user?.encrypted_password ?? DUMMY_HASH);
      if (!user || !valid || password === '')
        throw badRequest('invalid_credentials', 'Invalid login credentials');
      if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
      if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
      const session = await inTransaction(pool, async (db) => {
        const signedIn = await updateUser(db, user, { lastSignInNow: true });
        return createSession(db, config, signedIn, clientInfo(c));
      });
      return c.json(session);
    }
    if (grantType === 'refresh_token') {
      const body = await readBody(c, refreshGrantBody);
      const session = await inTransaction(pool, (db) =>
        refreshSession(db, config, body.refresh_token, (id) => findUserById(db, id)),
      );
      if (session instanceof AuthApiError) throw session;
      return c.json(session);
    }
    throw badRequest(
      'unsupported_grant_type',
      grantType
        ? `unsupported grant_type "${grantType}"`
        : 'grant_type is required (password or refresh_token)',
    );
  });

  app.get('/user', async (c) => {
    const body = await inTransaction(pool, async (db) =>
      userJson(db, (await currentUser(c, db)).user),
    );
    return c.json(body);
  });

  app.put('/user', async (c) => {
    const body = await readBody(c, updateUserBody);
    if (body.password !== undefined)
      assertPasswordStrength(body.password, settings.minimumPasswordLength);
    const passwordHash =
      body.password === undefined ? undefined : await hashPassword(body.password);
    const result = await inTransaction(pool, async (db) => {
      const { user } = await currentUser(c, db, true);
      if (
        body.password !== undefined &&
        (await verifyPassword(body.password, user.encrypted_password))
      ) {
        throw unprocessable(
          'same_password',
          'New password should be different from the old password.',
        );
      }
      const newEmail = body.email && body.email !== user.email ? body.email : undefined;
      // A new address takes effect once confirmed through the mail(s) sent to it (and, with
      // double_confirm_changes, to the current one); until then it is the user's `new_email`.
      const changing = newEmail
        ? await startEmailChange(
            emailDeps,
            db,
            user,
            newEmail,
            allowedRedirect(settings, c.req.query('redirect_to')),
          )
        : user;
      const updated = await updateUser(db, changing, { passwordHash, userMetadata: body.data });
      return userJson(db, updated);
    });
    return c.json(result);
  });

  registerEmailRoutes(app, emailDeps);

  app.post('/logout', async (c) => {
    const scope = c.req.query('scope') ?? 'global';
    if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
      throw badRequest(
        'validation_failed',
        `Unsupported logout scope "${scope}" (use global, local or others)`,
      );
    }
    await inTransaction(pool, async (db) => {
      const { user, sessionId } = await currentUser(c, db);
      if (sessionId) await endSessions(db, user.id, sessionId, scope);
      else if (scope === 'global') await endSessions(db, user.id, '', 'global');
    });
    return c.body(null, 204);
  });

  app.get('/admin/users', async (c) => {
    requireAdmin(c);
    const page = Number(c.req.query('page') ?? '1');
    const perPage = Number(c.req.query('per_page') ?? '50');
    if (!Number.isInteger(page) || page < 1)
      throw badRequest('validation_failed', 'page must be a positive integer');
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) {
      throw badRequest('validation_failed', 'per_page must be an integer between 1 and 1000');
    }
    const { total, json } = await inTransaction(pool, async (db) => {
      const listed = await listUsers(db, page, perPage);
      return {
        total: listed.total,
        json: await Promise.all(listed.users.map((user) => userJson(db, user))),
      };
    });
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    const links: string[] = [];
    if (page < lastPage)
      links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
    links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`);
    c.header('X-Total-Count', String(total));
    c.header('Link', links.join(', '));
    return c.json({ aud: 'authenticated', users: json });
  });

  app.post('/admin/users', async (c) => {
    requireAdmin(c);
    const body = await readBody(c, adminCreateUserBody);
    if (!body.email)
      throw badRequest(
        'validation_failed',
        body.phone ? 'Phone users are not supported' : 'email: is required',
      );
    if (body.password !== undefined)
      assertPasswordStrength(body.password, settings.minimumPasswordLength);
    const passwordHash = body.password === undefined ? null : await hashPassword(body.password);
    const email = body.email;
    const json = await inTransaction(pool, async (db) => {
      const user = await insertUser(db, {
        id: body.id,
        email,
        passwordHash,
        emailConfirmed: body.email_confirm ?? false,
        userMetadata: body.user_metadata ?? {},
        appMetadata: body.app_metadata ?? {},
        role: body.role,
        bannedUntil: banUntil(body.ban_duration),
      });
      return userJson(db, user);
    });
    return c.json(json);
  });

  app.get('/admin/users/:id', async (c) => {
    requireAdmin(c);
    const id = userIdParam(c);
    const json = await inTransaction(pool, async (db) => {
      const user = await findUserById(db, id);
      if (!user) throw notFound('user_not_found', 'User not found');
      return userJson(db, user);
    });
    return c.json(json);
  });

  app.put('/admin/users/:id', async (c) => {
    requireAdmin(c);
    const id = userIdParam(c);
    const body = await readBody(c, adminUpdateUserBody);
    if (body.password !== undefined)
      assertPasswordStrength(body.password, settings.minimumPasswordLength);
    const passwordHash =
      body.password === undefined ? undefined : await hashPassword(body.password);
    const json = await inTransaction(pool, async (db) => {
      const user = await findUserById(db, id, true);
      if (!user) throw notFound('user_not_found', 'User not found');
      const updated = await updateUser(db, user, {
        email: body.email,
        passwordHash,
        emailConfirmed: body.email_confirm,
        userMetadata: body.user_metadata,
        appMetadata: body.app_metadata,
        role: body.role,
        bannedUntil: banUntil(body.ban_duration),
      });
      return userJson(db, updated);
    });
    return c.json(json);
  });

  app.delete('/admin/users/:id', async (c) => {
    requireAdmin(c);
    const id = userIdParam(c);
    const text = await readJsonText(c);
    let soft = false;
    if (text.trim()) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw badRequest(
          'bad_json',
          `Could not parse request body as JSON: ${(error as Error).message}`,
        );
      }
      const flag = (parsed as { should_soft_delete?: unknown } | null)?.should_soft_delete;
      if (flag !== undefined && typeof flag !== 'boolean') {
        throw badRequest('validation_failed', 'should_soft_delete: must be a boolean');
      }
      soft = flag === true;
    }
    await inTransaction(pool, async (db) => {
      if (!(await findUserById(db, id, true))) throw notFound('user_not_found', 'User not found');
      await deleteUser(db, id, soft);
    });
    return c.json({});
  });

  return app;
}

/** The `/auth/v1` service: GoTrue's API over the stack's admin connection pool. */
export const createAuthService: ServiceFactory = (ctx) =>
  Promise.resolve({
    basePath: '/auth/v1',
    app: createAuthApp(ctx.config, ctx.adminPool, {
      mailbox: ctx.mailbox,
      logger: ctx.logger.child({ service: 'auth' }),
    }),
    close: () => Promise.resolve(),
  });
