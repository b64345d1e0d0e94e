// Request schemas shared by the REPZ app (form validation) and repz-api (request validation),
// so both reject the same input with the same message. Ranges mirror the table constraints.
import { z } from 'zod';

export const LIMITS = {
  setsPerWorkout: 100,
  reps: { min: 1, max: 1000 },
  weightKg: { min: 0, max: 1500 },
  rpe: { min: 1, max: 10 },
  restSeconds: { min: 0, max: 3600 },
  durationMin: { min: 1, max: 1440 },
  nameLength: 120,
  notesLength: 2000,
  pageSize: 100,
} as const;

export const workoutSetSchema = z.object({
  exercise_id: z.uuid({ message: 'exercise_id must be a UUID' }),
  reps: z.int().min(LIMITS.reps.min).max(LIMITS.reps.max),
  weight_kg: z.number().min(LIMITS.weightKg.min).max(LIMITS.weightKg.max),
  rpe: z.number().min(LIMITS.rpe.min).max(LIMITS.rpe.max).multipleOf(0.5).nullish(),
  rest_seconds: z.int().min(LIMITS.restSeconds.min).max(LIMITS.restSeconds.max).nullish(),
});

export const workoutInputSchema = z.object({
  performed_at: z.iso.datetime({
    offset: true,
    message: 'performed_at must be an ISO 8601 date-time',
  }),
  name: z.string().trim().min(1, 'name is required').max(LIMITS.nameLength),
  notes: z.string().max(LIMITS.notesLength).nullish(),
  duration_min: z.int().min(LIMITS.durationMin.min).max(LIMITS.durationMin.max).nullish(),
  sets: z
    .array(workoutSetSchema)
    .min(1, 'a workout needs at least one set')
    .max(LIMITS.setsPerWorkout, `a workout has at most ${LIMITS.setsPerWorkout} sets`),
});

export type WorkoutSetInput = z.infer<typeof workoutSetSchema>;
export type WorkoutInput = z.infer<typeof workoutInputSchema>;

const dateParam = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });

/** An IANA time zone the runtime knows (days, weeks and streaks are counted in it). */
export const timeZoneSchema = z
  .string()
  .refine(isKnownTimeZone, { message: 'must be an IANA time zone such as Europe/Paris' });

function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Whose data a request reads: the caller by default, or a client the caller coaches. */
const readScope = {
  tz: timeZoneSchema.default('UTC'),
  athlete: z.uuid({ message: 'athlete must be a UUID' }).optional(),
};

export const workoutListQuerySchema = z
  .object({
    from: dateParam.optional(),
    to: dateParam.optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    ...readScope,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export type WorkoutListQuery = z.infer<typeof workoutListQuerySchema>;

export const PROGRESS_PERIODS = ['4w', '12w', '1y', 'all'] as const;
export type ProgressPeriod = (typeof PROGRESS_PERIODS)[number];

export const progressQuerySchema = z.object({
  exercise_id: z.uuid({ message: 'exercise_id must be a UUID' }),
  period: z.enum(PROGRESS_PERIODS).default('12w'),
  ...readScope,
});

export const statsQuerySchema = z.object(readScope);

export type StatsQuery = z.infer<typeof statsQuerySchema>;

export type ProgressQuery = z.infer<typeof progressQuerySchema>;

/** Invite codes are 8 characters from an alphabet without look-alikes (0/O, 1/I/L). */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const inviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/, 'code must be 8 letters or digits');

export const coachAcceptSchema = z.object({ code: inviteCodeSchema });

export const progressEntrySchema = z.object({
  day: dateParam,
  body_weight_kg: z.number().min(20).max(400).nullish(),
  body_fat_pct: z.number().min(2).max(75).nullish(),
});

export type ProgressEntryInput = z.infer<typeof progressEntrySchema>;

/** The first day included in a progress period ending on `today` (YYYY-MM-DD), or null for all. */
export function periodStart(period: ProgressPeriod, today: string): string | null {
  const date = new Date(`${today}T00:00:00Z`);
  switch (period) {
    case '4w':
      date.setUTCDate(date.getUTCDate() - 27);
      break;
    case '12w':
      date.setUTCDate(date.getUTCDate() - 83);
      break;
    case '1y':
      date.setUTCFullYear(date.getUTCFullYear() - 1);
      date.setUTCDate(date.getUTCDate() + 1);
      break;
    case 'all':
      return null;
  }
  return date.toISOString().slice(0, 10);
}
