// Response schemas of repz-api: the server validates what it sends with them and the app parses
// what it receives with them, so both sides agree on the shapes by construction.
import { z } from 'zod';
import { PROGRESS_PERIODS } from './schemas.ts';

/** A timestamptz as PostgreSQL writes it in JSON (ISO 8601 with an offset). */
const timestamp = z.iso.datetime({ offset: true });
const day = z.iso.date();

export const storedSetSchema = z.object({
  id: z.uuid(),
  exercise_id: z.uuid(),
  exercise_name: z.string(),
  set_number: z.int().min(1),
  reps: z.int(),
  weight_kg: z.number(),
  rpe: z.number().nullable(),
  rest_seconds: z.int().nullable(),
});

/** A workout with its sets, as `repz_workout_json` builds it. */
export const workoutSchema = z.object({
  id: z.uuid(),
  owner_id: z.uuid(),
  performed_at: timestamp,
  name: z.string(),
  notes: z.string().nullable(),
  duration_min: z.int().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
  sets: z.array(storedSetSchema),
});

export const workoutPageSchema = z.object({
  total: z.int().min(0),
  items: z.array(workoutSchema),
});

export const progressPointSchema = z.object({
  date: day,
  max_weight_kg: z.number(),
  volume_kg: z.number(),
  e1rm_epley_kg: z.number().nullable(),
  e1rm_brzycki_kg: z.number().nullable(),
});

export const progressResponseSchema = z.object({
  exercise_id: z.uuid(),
  period: z.enum(PROGRESS_PERIODS),
  points: z.array(progressPointSchema),
  personal_records: z.object({
    max_weight_kg: z.number().nullable(),
    max_volume_kg: z.number().nullable(),
    max_e1rm_kg: z.number().nullable(),
  }),
});

export const recentRecordSchema = z.object({
  exercise_id: z.uuid(),
  exercise_name: z.string(),
  weight_kg: z.number(),
  previous_best_kg: z.number().nullable(),
});

/** What `repz_stats` returns; repz-api turns the training days into the streak. */
export const statsRowSchema = z.object({
  active_days: z.array(day),
  week_volume_kg: z.number(),
  workouts_this_week: z.int().min(0),
  personal_records_30d: z.array(recentRecordSchema),
});

export const statsResponseSchema = z.object({
  streak_days: z.int().min(0),
  week_volume_kg: z.number(),
  workouts_this_week: z.int().min(0),
  personal_records_30d: z.array(recentRecordSchema),
});

export const inviteSchema = z.object({ code: z.string(), expires_at: timestamp });

export const COACH_LINK_STATUSES = ['pending', 'active', 'ended'] as const;

/** A row of repz_coach_links. */
export const coachLinkSchema = z.object({
  id: z.uuid(),
  coach_id: z.uuid(),
  client_id: z.uuid().nullable(),
  status: z.enum(COACH_LINK_STATUSES),
  invite_code: z.string(),
  invite_expires_at: timestamp,
  accepted_at: timestamp.nullable(),
  ended_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

/** A row of repz_messages, as a table read or a Realtime insert delivers it. */
export const chatMessageSchema = z.object({
  id: z.uuid(),
  sender_id: z.uuid(),
  recipient_id: z.uuid(),
  body: z.string(),
  sent_at: timestamp,
  read_at: timestamp.nullable(),
});

export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type StoredSet = z.infer<typeof storedSetSchema>;
export type Workout = z.infer<typeof workoutSchema>;
export type WorkoutPage = z.infer<typeof workoutPageSchema>;
export type ProgressResponse = z.infer<typeof progressResponseSchema>;
export type StatsRow = z.infer<typeof statsRowSchema>;
export type Stats = z.infer<typeof statsResponseSchema>;
export type Invite = z.infer<typeof inviteSchema>;
export type CoachLink = z.infer<typeof coachLinkSchema>;
