// simcore-api's routes: method, path, request and response schemas. The app calls them with
// `callFunction(client, simcoreApi.<route>, …)` from @alawein/supabase-client, typed from here.
import { z } from 'zod';
import {
  completeRunSchema,
  createRunSchema,
  listRunsQuerySchema,
  runPageSchema,
  runSchema,
  shareLinkSchema,
  sharedRunSchema,
  shareSchema,
  statsSchema,
  stopRunSchema,
} from './api.ts';

const functionName = 'simcore-api';

export const simcoreApi = {
  listRuns: {
    functionName,
    method: 'GET',
    path: 'runs',
    query: listRunsQuerySchema,
    response: runPageSchema,
  },
  createRun: {
    functionName,
    method: 'POST',
    path: 'runs',
    body: createRunSchema,
    response: runSchema,
  },
  getRun: { functionName, method: 'GET', path: 'runs/:id', response: runSchema },
  startRun: { functionName, method: 'POST', path: 'runs/:id/start', response: runSchema },
  stopRun: {
    functionName,
    method: 'POST',
    path: 'runs/:id/stop',
    body: stopRunSchema,
    response: runSchema,
  },
  completeRun: {
    functionName,
    method: 'POST',
    path: 'runs/:id/complete',
    body: completeRunSchema,
    response: runSchema,
  },
  shareRun: {
    functionName,
    method: 'POST',
    path: 'runs/:id/share',
    body: shareSchema,
    response: shareLinkSchema,
  },
  deleteRun: { functionName, method: 'DELETE', path: 'runs/:id', response: z.null() },
  sharedRun: {
    functionName,
    method: 'GET',
    path: 'shared/:token',
    query: z.strictObject({ verify: z.enum(['0', '1']).optional() }),
    response: sharedRunSchema,
  },
  stats: { functionName, method: 'GET', path: 'stats', response: statsSchema },
} as const;
