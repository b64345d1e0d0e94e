// GET /shared/:token (no sign-in needed) and POST /shared/:token/fork. The token is the only key
// to an unlisted circuit; public.qmlab_shared_circuit checks it in the database.
import {
  circuitSchema,
  LIMITS,
  type SharedCircuit,
  sharedCircuitSchema,
} from '@alawein/qmlab-domain';
import type { TypedSupabaseClient } from '@alawein/supabase-client/server';
import { z } from 'zod';
import type { FunctionApp } from '../../_shared/app.ts';
import { clientForRequest } from '../../_shared/auth.ts';
import type { FunctionEnv } from '../../_shared/env.ts';
import { ApiError, fromDatabaseError } from '../../_shared/errors.ts';
import { parseInput } from '../../_shared/validation.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { respond } from '../../_shared/respond.ts';
import { CIRCUIT_COLUMNS } from './circuits.ts';

const tokenParamSchema = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22}$/, { message: 'a share token is 22 letters, digits, - or _' }),
});

async function sharedCircuit(db: TypedSupabaseClient, token: string): Promise<SharedCircuit> {
  const { data, error } = await db.rpc('qmlab_shared_circuit', { token }).maybeSingle();
  if (error) throw fromDatabaseError(error);
  if (!data) {
    throw new ApiError(
      404,
      'not_found',
      'no shared circuit has this link (it may have been made private)',
      { field: 'token' },
    );
  }
  return sharedCircuitSchema.parse(data);
}

/** "Title (fork)", shortened so it still fits the title limit. */
export function forkTitle(title: string): string {
  const suffix = ' (fork)';
  return `${title.slice(0, LIMITS.titleLength - suffix.length).trimEnd()}${suffix}`;
}

/** GET /shared/:token, open to anyone holding the link (register it before `authenticate`). */
export function registerSharedRoute(app: FunctionApp<AuthVariables>, env: FunctionEnv): void {
  app.get('/shared/:token', async (c) => {
    const { token } = parseInput(tokenParamSchema, c.req.param());
    // The database sees the caller as they are: anon (the anon key) or a signed-in user.
    const db = clientForRequest(
      env,
      c.req.header('authorization') ?? `Bearer ${env.supabaseAnonKey}`,
    );
    return respond(c, sharedCircuitSchema, await sharedCircuit(db, token));
  });
}

/** POST /shared/:token/fork: a private copy in the caller's account. */
export function registerForkRoute(app: FunctionApp<AuthVariables>): void {
  app.post('/shared/:token/fork', async (c) => {
    const { token } = parseInput(tokenParamSchema, c.req.param());
    const { db, user } = c.get('caller');
    const source = await sharedCircuit(db, token);
    const { data, error } = await db
      .from('qmlab_circuits')
      .insert({
        owner_id: user.id,
        title: forkTitle(source.title),
        description: source.description,
        qasm: source.qasm,
        num_qubits: source.num_qubits,
        gate_count: source.gate_count,
        visibility: 'private',
        forked_from: source.id,
      })
      .select(CIRCUIT_COLUMNS)
      .single();
    if (error) throw fromDatabaseError(error);
    return respond(c, circuitSchema, data, 201);
  });
}
