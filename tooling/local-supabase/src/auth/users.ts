// auth.users and auth.identities: reading, writing and the user object GoTrue returns.
import { randomUUID } from 'node:crypto';
import type { ClientBase, DatabaseError } from 'pg';
import { unprocessable } from './errors.ts';

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  banned_until: Date | null;
  is_anonymous: boolean;
  confirmation_sent_at: Date | null;
  recovery_sent_at: Date | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  email_change_confirm_status: number | null;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, phone, phone_confirmed_at,
  confirmed_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until,
  is_anonymous, confirmation_sent_at, recovery_sent_at, email_change, email_change_sent_at,
  email_change_confirm_status`;

const iso = (value: Date | null): string | undefined => value?.toISOString();

/** The user object of GoTrue's API (what supabase-js exposes as `User`). */
export function serializeUser(user: UserRow, identities: IdentityRow[]): Record<string, unknown> {
  return {
    id: user.id,
    aud: user.aud ?? 'authenticated',
    role: user.role ?? 'authenticated',
    email: user.email ?? '',
    email_confirmed_at: iso(user.email_confirmed_at),
    phone: user.phone ?? '',
    phone_confirmed_at: iso(user.phone_confirmed_at),
    confirmed_at: iso(user.confirmed_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: identities.map((identity) => ({
      identity_id: identity.id,
      id: identity.provider_id,
      user_id: identity.user_id,
      identity_data: identity.identity_data,
      provider: identity.provider,
      last_sign_in_at: iso(identity.last_sign_in_at),
      created_at: iso(identity.created_at),
      updated_at: iso(identity.updated_at),
      email: identity.email ?? undefined,
    })),
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    banned_until: iso(user.banned_until),
    is_anonymous: user.is_anonymous,
    // Present while a mail is pending, as GoTrue reports them.
    ...(user.confirmation_sent_at ? { confirmation_sent_at: iso(user.confirmation_sent_at) } : {}),
    ...(user.recovery_sent_at ? { recovery_sent_at: iso(user.recovery_sent_at) } : {}),
    ...(user.email_change
      ? { new_email: user.email_change, email_change_sent_at: iso(user.email_change_sent_at) }
      : {}),
  };
}

export async function findUserById(
  db: ClientBase,
  id: string,
  lock = false,
): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where id = $1 and deleted_at is null${lock ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

export async function findUserByEmail(db: ClientBase, email: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where email = $1 and is_sso_user = false and deleted_at is null`,
    [email],
  );
  return rows[0];
}

export async function identitiesOf(db: ClientBase, userId: string): Promise<IdentityRow[]> {
  const { rows } = await db.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
       from auth.identities where user_id = $1 order by created_at`,
    [userId],
  );
  return rows;
}

export async function userJson(db: ClientBase, user: UserRow): Promise<Record<string, unknown>> {
  return serializeUser(user, await identitiesOf(db, user.id));
}

export interface NewUser {
  id?: string;
  email: string;
  passwordHash: string | null;
  emailConfirmed: boolean;
  userMetadata: Record<string, unknown>;
  appMetadata: Record<string, unknown>;
  role?: string;
  bannedUntil?: Date | null;
}

const isUniqueViolation = (error: unknown): boolean =>
  (error as Partial<DatabaseError>).code === '23505';

/** Inserts a user with its email identity (as GoTrue does for email sign-ups). */
export async function insertUser(db: ClientBase, input: NewUser): Promise<UserRow> {
  const id = input.id ?? randomUUID();
  const userMetadata = { ...input.userMetadata };
  const identityData = {
    sub: id,
    email: input.email,
    email_verified: input.emailConfirmed,
    phone_verified: false,
  };
  let rows: UserRow[];
  try {
    ({ rows } = await db.query<UserRow>(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                               raw_app_meta_data, raw_user_meta_data, banned_until, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, $3, $4,
               case when $5::boolean then now() end, $6, $7, $8, now(), now())
       returning ${USER_COLUMNS}`,
      [
        id,
        input.role ?? 'authenticated',
        input.email,
        input.passwordHash,
        input.emailConfirmed,
        { provider: 'email', providers: ['email'], ...input.appMetadata },
        { ...identityData, ...userMetadata },
        input.bannedUntil ?? null,
      ],
    ));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw unprocessable(
        'email_exists',
        'A user with this email address has already been registered',
      );
    }
    throw error;
  }
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1, $2, $3, 'email', now(), now(), now())`,
    [id, id, identityData],
  );
  const [user] = rows;
  if (!user) throw new Error('insert into auth.users returned no row');
  return user;
}

export interface UserChanges {
  email?: string;
  passwordHash?: string;
  emailConfirmed?: boolean;
  /** Merged into raw_user_meta_data; a null value removes the key (as GoTrue does). */
  userMetadata?: Record<string, unknown>;
  appMetadata?: Record<string, unknown>;
  role?: string;
  bannedUntil?: Date | null;
  lastSignInNow?: boolean;
}

function mergeMetadata(current: Record<string, unknown> | null, changes: Record<string, unknown>) {
  const merged: Record<string, unknown> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export async function updateUser(
  db: ClientBase,
  user: UserRow,
  changes: UserChanges,
): Promise<UserRow> {
  const userMetadata = changes.userMetadata
    ? mergeMetadata(user.raw_user_meta_data, changes.userMetadata)
    : user.raw_user_meta_data;
  const appMetadata = changes.appMetadata
    ? mergeMetadata(user.raw_app_meta_data, changes.appMetadata)
    : user.raw_app_meta_data;
  if (changes.email && userMetadata) userMetadata.email = changes.email;
  let rows: UserRow[];
  try {
    ({ rows } = await db.query<UserRow>(
      `update auth.users set
         email = coalesce($2, email),
         encrypted_password = coalesce($3, encrypted_password),
         email_confirmed_at = case when $4::boolean is true then coalesce(email_confirmed_at, now())
                                   when $4::boolean is false then null else email_confirmed_at end,
         raw_user_meta_data = $5,
         raw_app_meta_data = $6,
         role = coalesce($7, role),
         banned_until = case when $8::boolean then $9::timestamptz else banned_until end,
         last_sign_in_at = case when $10::boolean then now() else last_sign_in_at end,
         updated_at = now()
       where id = $1
       returning ${USER_COLUMNS}`,
      [
        user.id,
        changes.email ?? null,
        changes.passwordHash ?? null,
        changes.emailConfirmed ?? null,
        userMetadata,
        appMetadata,
        changes.role ?? null,
        changes.bannedUntil !== undefined,
        changes.bannedUntil ?? null,
        changes.lastSignInNow ?? false,
      ],
    ));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw unprocessable(
        'email_exists',
        'A user with this email address has already been registered',
      );
    }
    throw error;
  }
  if (changes.email) {
    await db.query(
      `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = now()
        where user_id = $1 and provider = 'email'`,
      [user.id, changes.email],
    );
  }
  const [updated] = rows;
  if (!updated) throw new Error('update of auth.users returned no row');
  return updated;
}

export async function listUsers(
  db: ClientBase,
  page: number,
  perPage: number,
): Promise<{ users: UserRow[]; total: number }> {
  const [{ rows }, count] = await Promise.all([
    db.query<UserRow>(
      `select ${USER_COLUMNS} from auth.users where deleted_at is null order by created_at desc, id
        limit $1 offset $2`,
      [perPage, (page - 1) * perPage],
    ),
    db.query<{ total: string }>(
      'select count(*) as total from auth.users where deleted_at is null',
    ),
  ]);
  return { users: rows, total: Number(count.rows[0]?.total ?? 0) };
}

export async function deleteUser(db: ClientBase, id: string, soft: boolean): Promise<void> {
  if (soft) {
    await db.query('delete from auth.sessions where user_id = $1', [id]);
    await db.query(
      `update auth.users set deleted_at = now(), email = null, phone = null, encrypted_password = '',
              raw_app_meta_data = '{}', raw_user_meta_data = '{}', updated_at = now() where id = $1`,
      [id],
    );
  } else {
    await db.query('delete from auth.users where id = $1', [id]);
  }
}
