// POST /run: simulate server-side (bounded size) and, for a saved circuit, record the run.
// GET /circuits/:id/runs: a circuit's history. POST /circuits/:id/runs: record a run the
// browser worker computed.
import { ENGINE_VERSION, probabilities, sample, simulate } from '@alawein/quantum';
import {
  browserRunInputSchema,
  countNonzero,
  LIMITS,
  runInputSchema,
  runListSchema,
  type RunResult,
  runResultSchema,
  runSchema,
  type SavedRun,
  topProbabilities,
} from '@alawein/qmlab-domain';
import type { TypedSupabaseClient } from '@alawein/supabase-client/server';
import type { FunctionApp } from '../../_shared/app.ts';
import { ApiError, fromDatabaseError } from '../../_shared/errors.ts';
import { readJson } from '../../_shared/http.ts';
import { parseInput } from '../../_shared/validation.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { respond } from '../../_shared/respond.ts';
import { assertServerSize, parseCircuit } from '../qasm.ts';
import { circuitIdParamSchema } from './circuits.ts';

const RUN_COLUMNS =
  'id, circuit_id, shots, counts, top_probabilities, duration_ms, engine_version, ran_in, created_at';

async function ownedCircuitQasm(
  db: TypedSupabaseClient,
  ownerId: string,
  id: string,
): Promise<string> {
  const { data, error } = await db
    .from('qmlab_circuits')
    .select('qasm')
    .eq('id', id)
    .eq('owner_id', ownerId)
    .maybeSingle();
  if (error) throw fromDatabaseError(error);
  if (!data) throw new ApiError(404, 'not_found', 'circuit not found', { field: 'circuit_id' });
  return data.qasm;
}

export function registerRunRoutes(app: FunctionApp<AuthVariables>): void {
  app.post('/run', async (c) => {
    const input = parseInput(runInputSchema, await readJson(c.req.raw));
    const { db, user } = c.get('caller');
    const qasm = input.qasm ?? (await ownedCircuitQasm(db, user.id, input.circuit_id!));
    if (input.qasm !== undefined && input.circuit_id !== undefined) {
      // Recording against a circuit the caller does not own must fail before simulating.
      await ownedCircuitQasm(db, user.id, input.circuit_id);
    }
    const parsed = parseCircuit(qasm);
    assertServerSize(parsed);

    const started = performance.now();
    const state = simulate(parsed.circuit);
    const probs = probabilities(state);
    const counts = sample(state, input.shots, input.seed ?? Math.floor(Math.random() * 2 ** 32));
    const durationMs = performance.now() - started;
    const top = topProbabilities(probs, parsed.numQubits, LIMITS.topStates);

    let run: SavedRun | null = null;
    if (input.circuit_id !== undefined) {
      const { data, error } = await db
        .from('qmlab_runs')
        .insert({
          circuit_id: input.circuit_id,
          owner_id: user.id,
          shots: input.shots,
          counts,
          top_probabilities: top,
          duration_ms: durationMs,
          engine_version: ENGINE_VERSION,
          ran_in: 'server',
        })
        .select(RUN_COLUMNS)
        .single();
      if (error) throw fromDatabaseError(error);
      run = runSchema.parse(data);
    }
    const result: RunResult = {
      num_qubits: parsed.numQubits,
      gate_count: parsed.gateCount,
      shots: input.shots,
      counts,
      top_probabilities: top,
      nonzero_states: countNonzero(probs),
      duration_ms: durationMs,
      engine_version: ENGINE_VERSION,
      run,
    };
    return respond(c, runResultSchema, result);
  });

  app.get('/circuits/:id/runs', async (c) => {
    const { id } = parseInput(circuitIdParamSchema, c.req.param());
    const { db, user } = c.get('caller');
    await ownedCircuitQasm(db, user.id, id);
    const { data, error } = await db
      .from('qmlab_runs')
      .select(RUN_COLUMNS)
      .eq('circuit_id', id)
      .order('created_at', { ascending: false })
      .limit(LIMITS.pageSize);
    if (error) throw fromDatabaseError(error);
    return respond(c, runListSchema, { items: data });
  });

  app.post('/circuits/:id/runs', async (c) => {
    const { id } = parseInput(circuitIdParamSchema, c.req.param());
    const input = parseInput(browserRunInputSchema, await readJson(c.req.raw));
    const { db, user } = c.get('caller');
    await ownedCircuitQasm(db, user.id, id);
    const { data, error } = await db
      .from('qmlab_runs')
      .insert({ ...input, circuit_id: id, owner_id: user.id, ran_in: 'browser' })
      .select(RUN_COLUMNS)
      .single();
    if (error) throw fromDatabaseError(error);
    return respond(c, runSchema, data, 201);
  });
}
