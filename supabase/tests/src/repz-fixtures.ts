// The cast of the REPZ behaviour tests: a client with training data, a coach whose link to them is
// active, a coach whose link has ended, and a stranger. Written as the superuser (committed, so
// every rolled-back session sees them) and removed with the users by harness.close().
import { randomInt } from 'node:crypto';
import type pg from 'pg';
import { expect } from 'vitest';
import { type DbHarness, type TestUser, userClaims } from './harness.ts';

export const PERMISSION_DENIED = { code: '42501' };
export const CHECK_VIOLATION = { code: '23514' };
export const UNIQUE_VIOLATION = { code: '23505' };
export const FOREIGN_KEY_VIOLATION = { code: '23503' };
export const RLS_VIOLATION = {
  code: '42501',
  message: expect.stringContaining('row-level security') as unknown,
};

export const PHOTOS_BUCKET = 'repz-progress-photos';

const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh invite code in the format the links table accepts. */
export function inviteCode(): string {
  return Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join(
    '',
  );
}

export interface RepzCast {
  client: TestUser;
  activeCoach: TestUser;
  endedCoach: TestUser;
  stranger: TestUser;
  activeLinkId: string;
  endedLinkId: string;
  /** A library exercise (owner_id null). */
  globalExerciseId: string;
  /** The client's own exercise, used by one of their sets. */
  customExerciseId: string;
  /** The stranger's own exercise. */
  strangerExerciseId: string;
  workoutId: string;
  /** The client's set 1 (library exercise) and set 2 (their own exercise). */
  setIds: [string, string];
  strangerWorkoutId: string;
  progressDay: string;
  progressId: string;
  photoName: string;
  /** From the active coach to the client, unread. */
  coachMessageId: string;
  /** From the client to the active coach. */
  clientMessageId: string;
  /** From the ended coach to the client, sent while their link was active. */
  endedCoachMessageId: string;
}

/**
 * Makes the rest of a session's transaction run as another signed-in user — what the next
 * request of that user would see, before the session rolls everything back.
 */
export async function actAs(client: pg.PoolClient, userId: string): Promise<void> {
  await client.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify(userClaims(userId)),
  ]);
}

async function insertOne(harness: DbHarness, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await harness.admin.query<{ id: string }>(sql, params);
  return rows[0]!.id;
}

/** Inserts an active (or, with `endedAt`, ended) link between a coach and a client. */
export async function insertLink(
  harness: DbHarness,
  coachId: string,
  clientId: string,
  endedAt?: string,
): Promise<string> {
  return insertOne(
    harness,
    `insert into public.repz_coach_links
       (coach_id, client_id, status, invite_code, invite_expires_at, accepted_at, ended_at, created_at)
     values ($1, $2, $3, $4, now() - interval '29 days', now() - interval '30 days', $5,
             now() - interval '31 days')
     returning id`,
    [coachId, clientId, endedAt === undefined ? 'active' : 'ended', inviteCode(), endedAt ?? null],
  );
}

/** Inserts a pending invite of `coachId`, valid for `expiresIn` (an interval; negative: expired). */
export async function insertInvite(
  harness: DbHarness,
  coachId: string,
  expiresIn = '7 days',
): Promise<{ id: string; code: string }> {
  const code = inviteCode();
  const id = await insertOne(
    harness,
    `insert into public.repz_coach_links (coach_id, invite_code, invite_expires_at, created_at)
     values ($1, $2, now() + $3::interval, least(now(), now() + $3::interval) - interval '1 day')
     returning id`,
    [coachId, code, expiresIn],
  );
  return { id, code };
}

async function insertExercise(harness: DbHarness, ownerId: string, name: string): Promise<string> {
  return insertOne(
    harness,
    `insert into public.repz_exercises (owner_id, name, muscle_group, equipment)
     values ($1, $2, 'quadriceps', 'barbell') returning id`,
    [ownerId, name],
  );
}

async function insertWorkout(harness: DbHarness, ownerId: string, name: string): Promise<string> {
  return insertOne(
    harness,
    `insert into public.repz_workouts (owner_id, performed_at, name, duration_min)
     values ($1, now() - interval '1 day', $2, 60) returning id`,
    [ownerId, name],
  );
}

async function insertSet(
  harness: DbHarness,
  workoutId: string,
  ownerId: string,
  exerciseId: string,
  setNumber: number,
): Promise<string> {
  return insertOne(
    harness,
    `insert into public.repz_workout_sets (workout_id, owner_id, exercise_id, set_number, reps, weight_kg, rpe)
     values ($1, $2, $3, $4, 5, 100, 8) returning id`,
    [workoutId, ownerId, exerciseId, setNumber],
  );
}

async function insertMessage(
  harness: DbHarness,
  senderId: string,
  recipientId: string,
  body: string,
): Promise<string> {
  return insertOne(
    harness,
    `insert into public.repz_messages (sender_id, recipient_id, body, sent_at)
     values ($1, $2, $3, now() - interval '1 hour') returning id`,
    [senderId, recipientId, body],
  );
}

/** Creates the cast and their rows; pair with removeRepzCast in afterAll. */
export async function createRepzCast(harness: DbHarness): Promise<RepzCast> {
  const client = await harness.createUser({ displayName: 'Client' });
  const activeCoach = await harness.createUser({ displayName: 'Active coach' });
  const endedCoach = await harness.createUser({ displayName: 'Ended coach' });
  const stranger = await harness.createUser({ displayName: 'Stranger' });

  const activeLinkId = await insertLink(harness, activeCoach.id, client.id);
  const endedLinkId = await insertLink(
    harness,
    endedCoach.id,
    client.id,
    new Date(Date.now() - 86_400_000).toISOString(),
  );

  const globalExerciseId = await insertOne(
    harness,
    `select id from public.repz_exercises where owner_id is null and name = 'Back Squat'`,
    [],
  );
  const customExerciseId = await insertExercise(harness, client.id, 'Zercher Squat');
  const strangerExerciseId = await insertExercise(harness, stranger.id, 'Anderson Squat');

  const workoutId = await insertWorkout(harness, client.id, 'Leg day');
  const setIds: [string, string] = [
    await insertSet(harness, workoutId, client.id, globalExerciseId, 1),
    await insertSet(harness, workoutId, client.id, customExerciseId, 2),
  ];
  const strangerWorkoutId = await insertWorkout(harness, stranger.id, 'Stranger day');
  await insertSet(harness, strangerWorkoutId, stranger.id, strangerExerciseId, 1);

  const progressDay = '2025-02-01';
  const progressId = await insertOne(
    harness,
    `insert into public.repz_progress (owner_id, day, body_weight_kg, body_fat_pct)
     values ($1, $2, 82.5, 18.0) returning id`,
    [client.id, progressDay],
  );
  await harness.admin.query(
    `insert into public.repz_body_profiles (id, height_cm, birth_date, sex, activity_level)
     values ($1, 180, '1990-05-01', 'male', 'active')`,
    [client.id],
  );

  const photoName = `${client.id}/2025-02-01-front.webp`;
  await harness.admin.query(
    `insert into storage.objects (bucket_id, name, owner) values ($1, $2, $3)`,
    [PHOTOS_BUCKET, photoName, client.id],
  );

  return {
    client,
    activeCoach,
    endedCoach,
    stranger,
    activeLinkId,
    endedLinkId,
    globalExerciseId,
    customExerciseId,
    strangerExerciseId,
    workoutId,
    setIds,
    strangerWorkoutId,
    progressDay,
    progressId,
    photoName,
    coachMessageId: await insertMessage(harness, activeCoach.id, client.id, 'Deload this week.'),
    clientMessageId: await insertMessage(harness, client.id, activeCoach.id, 'Will do.'),
    endedCoachMessageId: await insertMessage(harness, endedCoach.id, client.id, 'Good luck!'),
  };
}

/** Removes the cast's storage objects (no foreign key ties them to the users). */
export async function removeRepzCast(
  harness: DbHarness,
  cast: RepzCast | undefined,
): Promise<void> {
  if (cast === undefined) return;
  await harness.admin.query(
    `delete from storage.objects where bucket_id = $1 and split_part(name, '/', 1) = any($2)`,
    [PHOTOS_BUCKET, [cast.client.id, cast.activeCoach.id, cast.endedCoach.id, cast.stranger.id]],
  );
}
