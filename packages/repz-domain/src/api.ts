// repz-api's routes: method, path, request and response schemas. The app calls them with
// `callFunction(client, repzApi.<route>, …)` from @alawein/supabase-client, typed from here.
import { z } from 'zod';
import {
  coachLinkSchema,
  inviteSchema,
  progressResponseSchema,
  statsResponseSchema,
  workoutPageSchema,
  workoutSchema,
} from './responses.ts';
import {
  coachAcceptSchema,
  progressQuerySchema,
  statsQuerySchema,
  workoutInputSchema,
  workoutListQuerySchema,
} from './schemas.ts';

const functionName = 'repz-api';

export const repzApi = {
  listWorkouts: {
    functionName,
    method: 'GET',
    path: 'workouts',
    query: workoutListQuerySchema,
    response: workoutPageSchema,
  },
  createWorkout: {
    functionName,
    method: 'POST',
    path: 'workouts',
    body: workoutInputSchema,
    response: workoutSchema,
  },
  replaceWorkout: {
    functionName,
    method: 'PUT',
    path: 'workouts/:id',
    body: workoutInputSchema,
    response: workoutSchema,
  },
  deleteWorkout: { functionName, method: 'DELETE', path: 'workouts/:id', response: z.null() },
  progress: {
    functionName,
    method: 'GET',
    path: 'progress',
    query: progressQuerySchema,
    response: progressResponseSchema,
  },
  stats: {
    functionName,
    method: 'GET',
    path: 'stats',
    query: statsQuerySchema,
    response: statsResponseSchema,
  },
  createInvite: { functionName, method: 'POST', path: 'coach/invite', response: inviteSchema },
  acceptInvite: {
    functionName,
    method: 'POST',
    path: 'coach/accept',
    body: coachAcceptSchema,
    response: coachLinkSchema,
  },
} as const;
