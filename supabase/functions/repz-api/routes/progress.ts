// GET /progress (one exercise over a period) and GET /stats (the dashboard figures).
import {
  localDay,
  periodStart,
  personalRecords,
  progressPoints,
  progressQuerySchema,
  progressResponseSchema,
  statsQuerySchema,
  statsResponseSchema,
  statsRowSchema,
  streakFromDays,
} from '@alawein/repz-domain';
import type { FunctionApp } from '../../_shared/app.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { fromDatabaseError } from '../../_shared/errors.ts';
import { checked, respond } from '../../_shared/respond.ts';
import { parseInput } from '../../_shared/validation.ts';

export function registerProgressRoutes(app: FunctionApp<AuthVariables>): void {
  app.get('/progress', async (c) => {
    const query = parseInput(progressQuerySchema, c.req.query());
    const since = periodStart(query.period, localDay(new Date(), query.tz));
    const { data, error } = await c.get('caller').db.rpc('repz_exercise_sets', {
      exercise: query.exercise_id,
      tz: query.tz,
      since: since ?? undefined,
      athlete: query.athlete,
    });
    if (error) throw fromDatabaseError(error);
    const points = progressPoints(
      data.map((row) => ({ day: row.day, reps: row.reps, weight_kg: Number(row.weight_kg) })),
    );
    return respond(c, progressResponseSchema, {
      exercise_id: query.exercise_id,
      period: query.period,
      points,
      personal_records: personalRecords(points),
    });
  });

  app.get('/stats', async (c) => {
    const query = parseInput(statsQuerySchema, c.req.query());
    const { data, error } = await c.get('caller').db.rpc('repz_stats', {
      tz: query.tz,
      athlete: query.athlete,
    });
    if (error) throw fromDatabaseError(error);
    const stats = checked(statsRowSchema, data, 'repz_stats');
    // active_days are already calendar days in tz.
    return respond(c, statsResponseSchema, {
      streak_days: streakFromDays(stats.active_days, localDay(new Date(), query.tz)),
      week_volume_kg: stats.week_volume_kg,
      workouts_this_week: stats.workouts_this_week,
      personal_records_30d: stats.personal_records_30d,
    });
  });
}
