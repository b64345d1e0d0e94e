// Auth contract: what supabase-js's auth client sees from /auth/v1 — sessions and claims, refresh
// rotation and reuse, user updates, sign-out scopes, admin users — and a clear 4xx for bad input.
import { AuthWeakPasswordError, isAuthApiError } from '@supabase/supabase-js';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../src/testing.ts';
import { client, raw, sql, uniqueEmail, userCount } from './auth-support.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';

const PASSWORD = 'auth-password-1';
let stack: TestStack;
/** The fixture's config.toml sets a 1 s reuse window; hosted projects default to 10 s. */
let reuseWindowMs: number;

beforeAll(async () => {
  stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
  reuseWindowMs = stack.local ? 1000 : 10_000;
});

async function signedUp(label: string) {
  const email = uniqueEmail(label);
  const anon = client(stack, stack.anonKey);
  const { data, error } = await anon.auth.signUp({ email, password: PASSWORD });
  if (error || !data.session || !data.user) throw new Error(`sign-up failed: ${error?.message}`);
  return { email, anon, session: data.session, user: data.user };
}

async function signIn(email: string, password = PASSWORD) {
  const { data, error } = await client(stack, stack.anonKey).auth.signInWithPassword({
    email,
    password,
  });
  if (error) throw error;
  return data.session;
}

describe('sign-up', () => {
  it('returns a session whose access token carries the claims supabase-js and RLS rely on', async () => {
    const email = uniqueEmail('claims');
    const { data, error } = await client(stack, stack.anonKey).auth.signUp({
      email,
      password: PASSWORD,
      options: { data: { display_name: 'Claire' } },
    });
    expect(error).toBeNull();
    const session = data.session!;
    expect(session.token_type).toBe('bearer');
    expect(session.expires_in).toBe(3600);
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000 + 3500);
    expect(session.refresh_token).toMatch(/^\S{12,}$/);
    const claims = decodeJwt(session.access_token);
    expect(claims).toMatchObject({
      sub: data.user!.id,
      aud: 'authenticated',
      role: 'authenticated',
      email,
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { display_name: 'Claire' },
    });
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) as number }]);
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(data.user).toMatchObject({
      email,
      aud: 'authenticated',
      role: 'authenticated',
      email_confirmed_at: expect.any(String) as string,
      confirmed_at: expect.any(String) as string,
      last_sign_in_at: expect.any(String) as string,
      is_anonymous: false,
      user_metadata: { display_name: 'Claire', email, email_verified: true, sub: data.user!.id },
    });
    expect(data.user!.identities).toEqual([
      expect.objectContaining({ provider: 'email', user_id: data.user!.id, id: data.user!.id }),
    ]);
  });

  it('stores a bcrypt hash, never the password, and runs the project trigger on auth.users', async () => {
    const { user, email } = await signedUp('hash');
    const [row] = await sql<{ encrypted_password: string }>(
      stack,
      'select encrypted_password from auth.users where id = $1',
      [user.id],
    );
    expect(row!.encrypted_password).toMatch(/^\$2[aby]\$10\$/);
    expect(row!.encrypted_password).not.toContain(PASSWORD);
    const profiles = await sql(stack, 'select id from public.profiles where id = $1', [user.id]);
    expect(profiles).toHaveLength(1);
    expect(await userCount(stack, email)).toBe(1);
  });

  it('rejects an existing email with 422 user_already_exists and creates nothing', async () => {
    const { email } = await signedUp('twice');
    const { data, error } = await client(stack, stack.anonKey).auth.signUp({
      email: email.toUpperCase(),
      password: PASSWORD,
    });
    expect(data.session).toBeNull();
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('user_already_exists');
    expect(await userCount(stack, email)).toBe(1);
  });

  it('rejects a weak password with 422 weak_password and its reasons', async () => {
    const email = uniqueEmail('weak');
    const { error } = await client(stack, stack.anonKey).auth.signUp({ email, password: 'short' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('weak_password');
    expect((error as AuthWeakPasswordError).reasons).toEqual(['length']);
    expect(error?.message).toMatch(/at least 8 characters/);
    expect(await userCount(stack, email)).toBe(0);
  });

  it('rejects an invalid email, or none, with 400 validation_failed', async () => {
    const bad = await client(stack, stack.anonKey).auth.signUp({
      email: 'not-an-email',
      password: PASSWORD,
    });
    expect(bad.error?.status).toBe(400);
    expect(bad.error?.code).toBe('validation_failed');
    expect(bad.error?.message).toMatch(/email/i);
    const response = await raw(stack, '/auth/v1/signup', {
      method: 'POST',
      body: JSON.stringify({ password: PASSWORD }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/email/) as string,
    });
  });

  it('names the field whose type is wrong', async () => {
    const response = await raw(stack, '/auth/v1/signup', {
      method: 'POST',
      body: JSON.stringify({
        email: uniqueEmail('types'),
        password: PASSWORD,
        data: 'not-an-object',
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/^data: /) as string,
    });
  });
});

describe('password sign-in', () => {
  it('signs in with the right password and records last_sign_in_at', async () => {
    const { email, user } = await signedUp('login');
    const session = await signIn(email);
    expect(session.user.id).toBe(user.id);
    expect(decodeJwt(session.access_token).session_id).not.toBe(
      decodeJwt((await signIn(email)).access_token).session_id,
    );
  });

  it('answers a wrong password and an unknown email alike: 400 invalid_credentials', async () => {
    const { email } = await signedUp('wrong');
    const anon = client(stack, stack.anonKey);
    for (const attempt of [
      { email, password: 'not-the-password' },
      { email: uniqueEmail('nobody'), password: PASSWORD },
    ]) {
      const { data, error } = await anon.auth.signInWithPassword(attempt);
      expect(data.session).toBeNull();
      expect(isAuthApiError(error)).toBe(true);
      expect(error?.status).toBe(400);
      expect(error?.code).toBe('invalid_credentials');
      expect(error?.message).toBe('Invalid login credentials');
    }
  });

  it('signs in the seeded user (pgcrypto bcrypt hash)', async () => {
    const session = await signIn('seed@example.com', 'seed-password-1');
    expect(session.user.id).toBe('00000000-0000-4000-8000-000000000001');
  });

  it('rejects an unknown grant type with 400', async () => {
    const response = await raw(stack, '/auth/v1/token?grant_type=magic', {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'unsupported_grant_type' });
  });
});

describe('refresh tokens', () => {
  it('rotate: each refresh returns a new refresh token and a new access token for the same session', async () => {
    const { session } = await signedUp('rotate');
    const anon = client(stack, stack.anonKey);
    const first = await anon.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(first.error).toBeNull();
    expect(first.data.session!.refresh_token).not.toBe(session.refresh_token);
    expect(decodeJwt(first.data.session!.access_token).session_id).toBe(
      decodeJwt(session.access_token).session_id,
    );
    const second = await anon.auth.refreshSession({
      refresh_token: first.data.session!.refresh_token,
    });
    expect(second.error).toBeNull();
    expect(second.data.session!.refresh_token).not.toBe(first.data.session!.refresh_token);
  });

  it('honour a just-used token inside the reuse window (two tabs racing) with the current token', async () => {
    const { session } = await signedUp('race');
    const anon = client(stack, stack.anonKey);
    const first = await anon.auth.refreshSession({ refresh_token: session.refresh_token });
    const again = await anon.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(again.error).toBeNull();
    expect(again.data.session!.refresh_token).toBe(first.data.session!.refresh_token);
  });

  it('reject a used token after the reuse window and end that whole session', async () => {
    const { session } = await signedUp('reuse');
    const anon = client(stack, stack.anonKey);
    const rotated = await anon.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(rotated.error).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, reuseWindowMs + 500));
    const reused = await anon.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(reused.error?.status).toBe(400);
    expect(reused.error?.code).toBe('refresh_token_already_used');
    // The token family is revoked: the newest token is dead too.
    const newest = await anon.auth.refreshSession({
      refresh_token: rotated.data.session!.refresh_token,
    });
    expect(newest.error?.status).toBe(400);
    expect(newest.error?.code).toBe('refresh_token_not_found');
  });

  it('reject an unknown token with 400 refresh_token_not_found', async () => {
    const { error } = await client(stack, stack.anonKey).auth.refreshSession({
      refresh_token: 'no-such-token',
    });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('refresh_token_not_found');
  });
});

describe('the current user', () => {
  it('getUser returns the user of the access token', async () => {
    const { user, session } = await signedUp('me');
    const { data, error } = await client(stack, stack.anonKey).auth.getUser(session.access_token);
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: user.id, email: user.email });
  });

  it('updateUser merges metadata (null removes a key) and changes the password', async () => {
    const { email, anon } = await signedUp('update');
    const first = await anon.auth.updateUser({ data: { theme: 'dark', units: 'kg' } });
    expect(first.error).toBeNull();
    const second = await anon.auth.updateUser({ data: { units: null, level: 3 } });
    expect(second.data.user!.user_metadata).toMatchObject({ theme: 'dark', level: 3 });
    expect(second.data.user!.user_metadata).not.toHaveProperty('units');

    const changed = await anon.auth.updateUser({ password: 'a-new-password-2' });
    expect(changed.error).toBeNull();
    await expect(signIn(email)).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect((await signIn(email, 'a-new-password-2')).user.email).toBe(email);
  });

  it('updateUser refuses the same password (422 same_password), a weak one and a taken email', async () => {
    const { anon } = await signedUp('refuse');
    const { email: taken } = await signedUp('taken');
    const same = await anon.auth.updateUser({ password: PASSWORD });
    expect(same.error?.status).toBe(422);
    expect(same.error?.code).toBe('same_password');
    const weak = await anon.auth.updateUser({ password: 'x' });
    expect(weak.error?.code).toBe('weak_password');
    const clash = await anon.auth.updateUser({ email: taken });
    expect(clash.error?.status).toBe(422);
    expect(clash.error?.code).toBe('email_exists');
  });

  it('updateUser with a new email keeps the old one until the change is confirmed by mail', async () => {
    const { anon, email } = await signedUp('move');
    const next = uniqueEmail('moved');
    const { data, error } = await anon.auth.updateUser({ email: next });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, new_email: next });
    expect((await signIn(email)).user.email).toBe(email);
  });

  it('the anon key is not a user: /user answers 403 bad_jwt', async () => {
    const response = await raw(stack, '/auth/v1/user', { bearer: stack.anonKey });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'bad_jwt' });
  });
});

describe('sign-out scopes', () => {
  async function threeSessions() {
    const { email, session: first } = await signedUp('scopes');
    return { first, second: await signIn(email), third: await signIn(email) };
  }
  const refresh = (token: string) =>
    client(stack, stack.anonKey).auth.refreshSession({ refresh_token: token });
  const signOut = (accessToken: string, scope: 'global' | 'local' | 'others') =>
    client(stack, stack.anonKey).auth.admin.signOut(accessToken, scope);

  it('local ends only the current session; its access token then gets 403 session_not_found', async () => {
    const { first, second } = await threeSessions();
    expect((await signOut(first.access_token, 'local')).error).toBeNull();
    expect((await refresh(first.refresh_token)).error?.code).toBe('refresh_token_not_found');
    expect((await refresh(second.refresh_token)).error).toBeNull();
    const response = await raw(stack, '/auth/v1/user', { bearer: first.access_token });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'session_not_found' });
  });

  it('others ends every session but the current one', async () => {
    const { first, second, third } = await threeSessions();
    expect((await signOut(first.access_token, 'others')).error).toBeNull();
    expect((await refresh(first.refresh_token)).error).toBeNull();
    expect((await refresh(second.refresh_token)).error?.code).toBe('refresh_token_not_found');
    expect((await refresh(third.refresh_token)).error?.code).toBe('refresh_token_not_found');
  });

  it('global (the default of signOut()) ends every session of the user', async () => {
    const { first, second, third } = await threeSessions();
    const signedIn = client(stack, stack.anonKey);
    await signedIn.auth.setSession({
      access_token: first.access_token,
      refresh_token: first.refresh_token,
    });
    expect((await signedIn.auth.signOut()).error).toBeNull();
    for (const session of [second, third]) {
      expect((await refresh(session.refresh_token)).error?.code).toBe('refresh_token_not_found');
    }
  });

  it('rejects an unknown scope with 400', async () => {
    const { session } = await signedUp('badscope');
    const response = await raw(stack, '/auth/v1/logout?scope=everyone', {
      method: 'POST',
      bearer: session.access_token,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'validation_failed' });
  });
});

describe('admin users (service_role only)', () => {
  it('creates, reads, lists, updates and deletes users with the service_role key', async () => {
    const admin = client(stack, stack.serviceRoleKey).auth.admin;
    const email = uniqueEmail('admin');
    const created = await admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { name: 'Ada' },
      app_metadata: { plan: 'pro' },
    });
    expect(created.error).toBeNull();
    const id = created.data.user!.id;
    expect(created.data.user).toMatchObject({
      email,
      user_metadata: { name: 'Ada' },
      app_metadata: { provider: 'email', providers: ['email'], plan: 'pro' },
      email_confirmed_at: expect.any(String) as string,
    });
    expect((await signIn(email)).user.id).toBe(id);

    const fetched = await admin.getUserById(id);
    expect(fetched.data.user?.email).toBe(email);

    const page = await admin.listUsers({ page: 1, perPage: 2 });
    expect(page.error).toBeNull();
    expect(page.data.users).toHaveLength(2);
    expect((page.data as unknown as { total: number }).total).toBeGreaterThanOrEqual(2);

    const updated = await admin.updateUserById(id, {
      app_metadata: { plan: 'team' },
      ban_duration: '24h',
    });
    expect(updated.data.user?.app_metadata).toMatchObject({ plan: 'team', provider: 'email' });
    await expect(signIn(email)).rejects.toMatchObject({ code: 'user_banned' });
    await admin.updateUserById(id, { ban_duration: 'none' });
    expect((await signIn(email)).user.id).toBe(id);

    expect((await admin.deleteUser(id)).error).toBeNull();
    const gone = await admin.getUserById(id);
    expect(gone.error?.status).toBe(404);
    expect(gone.error?.code).toBe('user_not_found');
  });

  it('an unconfirmed admin-created user cannot sign in (400 email_not_confirmed)', async () => {
    const email = uniqueEmail('unconfirmed');
    await client(stack, stack.serviceRoleKey).auth.admin.createUser({ email, password: PASSWORD });
    await expect(signIn(email)).rejects.toMatchObject({ status: 400, code: 'email_not_confirmed' });
  });

  it('refuses a duplicate email (422 email_exists) and bad input (400) without writing', async () => {
    const admin = client(stack, stack.serviceRoleKey).auth.admin;
    const { email } = await signedUp('dup');
    const dup = await admin.createUser({ email, password: PASSWORD });
    expect(dup.error?.status).toBe(422);
    expect(dup.error?.code).toBe('email_exists');
    const badBan = await admin.createUser({ email: uniqueEmail('ban'), ban_duration: 'forever' });
    expect(badBan.error?.status).toBe(400);
    expect(badBan.error?.message).toMatch(/ban_duration/);
    expect(await userCount(stack, email)).toBe(1);
  });

  it('answers 403 not_admin to the anon key and to a user token', async () => {
    const { session } = await signedUp('notadmin');
    const asAnon = await client(stack, stack.anonKey).auth.admin.listUsers();
    expect(asAnon.error?.status).toBe(403);
    expect(asAnon.error?.code).toBe('not_admin');
    const asUser = await client(stack, stack.anonKey, session.access_token).auth.admin.createUser({
      email: uniqueEmail('sneaky'),
      password: PASSWORD,
    });
    expect(asUser.error?.status).toBe(403);
    const deleted = await raw(stack, `/auth/v1/admin/users/${session.user.id}`, {
      method: 'DELETE',
      bearer: session.access_token,
    });
    expect(deleted.status).toBe(403);
    expect(await userCount(stack, session.user.email!)).toBe(1);
  });

  it('answers 401 without any apikey', async () => {
    const response = await raw(stack, '/auth/v1/admin/users', {
      apikey: null,
      bearer: stack.serviceRoleKey,
    });
    expect(response.status).toBe(401);
  });
});

describe('error shapes follow X-Supabase-Api-Version', () => {
  it('2024-01-01: {code, message} and the header echoed; without it: {code: status, error_code, msg}', async () => {
    const body = JSON.stringify({ email: uniqueEmail('shape'), password: 'wrong-password' });
    const modern = await raw(stack, '/auth/v1/token?grant_type=password', { method: 'POST', body });
    expect(modern.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await modern.json()).toEqual({
      code: 'invalid_credentials',
      message: 'Invalid login credentials',
    });
    const legacy = await raw(stack, '/auth/v1/token?grant_type=password', {
      method: 'POST',
      body,
      apiVersion: false,
    });
    expect(legacy.headers.get('x-supabase-api-version')).toBeNull();
    expect(await legacy.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
  });

  it('malformed JSON is 400 bad_json and writes nothing', async () => {
    const response = await raw(stack, '/auth/v1/signup', {
      method: 'POST',
      body: '{"email": "x@example.com", ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'bad_json',
      message: expect.stringMatching(/JSON/) as string,
    });
    expect(await userCount(stack, 'x@example.com')).toBe(0);
  });
});

describe('health and settings', () => {
  it('health answers GoTrue, settings says email sign-up is on and autoconfirmed', async () => {
    const health = await raw(stack, '/auth/v1/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ name: 'GoTrue' });
    const settings = await raw(stack, '/auth/v1/settings');
    expect(await settings.json()).toMatchObject({
      external: { email: true },
      disable_signup: false,
      mailer_autoconfirm: true,
    });
  });
});
