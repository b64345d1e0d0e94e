// qmlab-api's routes: method, path, request and response schemas. The app calls them with
// `callFunction(client, qmlabApi.<route>, …)` from @alawein/supabase-client, typed from here;
// the function validates its requests and answers with the same schemas.
import { z } from 'zod';
import {
  browserRunInputSchema,
  circuitInputSchema,
  circuitListQuerySchema,
  circuitPageSchema,
  circuitPatchSchema,
  circuitSchema,
  runInputSchema,
  runListSchema,
  runResultSchema,
  runSchema,
  sharedCircuitSchema,
} from './schemas.ts';

const functionName = 'qmlab-api';

export const qmlabApi = {
  listCircuits: {
    functionName,
    method: 'GET',
    path: 'circuits',
    query: circuitListQuerySchema,
    response: circuitPageSchema,
  },
  getCircuit: { functionName, method: 'GET', path: 'circuits/:id', response: circuitSchema },
  createCircuit: {
    functionName,
    method: 'POST',
    path: 'circuits',
    body: circuitInputSchema,
    response: circuitSchema,
  },
  updateCircuit: {
    functionName,
    method: 'PATCH',
    path: 'circuits/:id',
    body: circuitPatchSchema,
    response: circuitSchema,
  },
  deleteCircuit: { functionName, method: 'DELETE', path: 'circuits/:id', response: z.null() },
  listRuns: { functionName, method: 'GET', path: 'circuits/:id/runs', response: runListSchema },
  recordBrowserRun: {
    functionName,
    method: 'POST',
    path: 'circuits/:id/runs',
    body: browserRunInputSchema,
    response: runSchema,
  },
  run: {
    functionName,
    method: 'POST',
    path: 'run',
    body: runInputSchema,
    response: runResultSchema,
  },
  shared: { functionName, method: 'GET', path: 'shared/:token', response: sharedCircuitSchema },
  fork: { functionName, method: 'POST', path: 'shared/:token/fork', response: circuitSchema },
} as const;
