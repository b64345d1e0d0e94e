// POST /workouts, GET /workouts, PUT /workouts/:id, DELETE /workouts/:id.
import {
  workoutInputSchema,
  workoutListQuerySchema,
  workoutPageSchema,
  workoutSchema,
} from '@alawein/repz-domain';
import { z } from 'zod';
import type { FunctionApp } from '../../_shared/app.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { ApiError, fromDatabaseError } from '../../_shared/errors.ts';
import { readJson } from '../../_shared/http.ts';
import { respond } from '../../_shared/respond.ts';
import { parseInput } from '../../_shared/validation.ts';

const workoutIdSchema = z.uuid({ message: 'workout id must be a UUID' });

export function registerWorkoutRoutes(app: FunctionApp<AuthVariables>): void {
  app.post('/workouts', async (c) => {
    const input = parseInput(workoutInputSchema, await readJson(c.req.raw));
    const { data, error } = await c.get('caller').db.rpc('repz_save_workout', { workout: input });
    if (error) throw fromDatabaseError(error);
    return respond(c, workoutSchema, data, 201);
  });

  app.put('/workouts/:id', async (c) => {
    const id = parseInput(workoutIdSchema, c.req.param('id'));
    const input = parseInput(workoutInputSchema, await readJson(c.req.raw));
    const { data, error } = await c.get('caller').db.rpc('repz_save_workout', {
      workout: input,
      workout_id: id,
    });
    if (error) throw fromDatabaseError(error);
    return respond(c, workoutSchema, data);
  });

  app.delete('/workouts/:id', async (c) => {
    const id = parseInput(workoutIdSchema, c.req.param('id'));
    const { data, error } = await c
      .get('caller')
      .db.from('repz_workouts')
      .delete()
      .eq('id', id)
      .select('id');
    if (error) throw fromDatabaseError(error);
    if (data.length === 0)
      throw new ApiError(404, 'not_found', 'workout not found', { field: 'id' });
    return c.body(null, 204);
  });

  app.get('/workouts', async (c) => {
    const query = parseInput(workoutListQuerySchema, c.req.query());
    const { data, error } = await c.get('caller').db.rpc('repz_list_workouts', {
      tz: query.tz,
      from_day: query.from,
      to_day: query.to,
      page_limit: query.limit,
      page_offset: query.offset,
      athlete: query.athlete,
    });
    if (error) throw fromDatabaseError(error);
    return respond(c, workoutPageSchema, data);
  });
}
