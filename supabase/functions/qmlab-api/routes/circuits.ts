// GET/POST /circuits, GET/PATCH/DELETE /circuits/:id: the caller's saved circuits. QASM is
// parsed before anything is written, so a circuit in the database always parses.
import {
  circuitInputSchema,
  circuitListQuerySchema,
  circuitPageSchema,
  circuitPatchSchema,
  circuitSchema,
} from '@alawein/qmlab-domain';
import { z } from 'zod';
import type { FunctionApp } from '../../_shared/app.ts';
import { ApiError, fromDatabaseError } from '../../_shared/errors.ts';
import { readJson } from '../../_shared/http.ts';
import { parseInput } from '../../_shared/validation.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { respond } from '../../_shared/respond.ts';
import { parseCircuit } from '../qasm.ts';

/** The `:id` path parameter, named `id` in errors. */
export const circuitIdParamSchema = z.object({
  id: z.uuid({ message: 'circuit id must be a UUID' }),
});

export const CIRCUIT_COLUMNS =
  'id, owner_id, title, description, qasm, num_qubits, gate_count, visibility, share_token, forked_from, created_at, updated_at';

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function registerCircuitRoutes(app: FunctionApp<AuthVariables>): void {
  app.get('/circuits', async (c) => {
    const query = parseInput(circuitListQuerySchema, c.req.query());
    let request = c
      .get('caller')
      .db.from('qmlab_circuits')
      .select(CIRCUIT_COLUMNS, { count: 'exact' })
      .eq('owner_id', c.get('caller').user.id)
      .order('updated_at', { ascending: false })
      .range(query.offset, query.offset + query.limit - 1);
    if (query.search) request = request.ilike('title', likePattern(query.search));
    const { data, error, count } = await request;
    if (error) throw fromDatabaseError(error);
    return respond(c, circuitPageSchema, { items: data, total: count ?? data.length });
  });

  app.get('/circuits/:id', async (c) => {
    const { id } = parseInput(circuitIdParamSchema, c.req.param());
    const { data, error } = await c
      .get('caller')
      .db.from('qmlab_circuits')
      .select(CIRCUIT_COLUMNS)
      .eq('id', id)
      .eq('owner_id', c.get('caller').user.id)
      .maybeSingle();
    if (error) throw fromDatabaseError(error);
    if (!data) throw new ApiError(404, 'not_found', 'circuit not found', { field: 'id' });
    return respond(c, circuitSchema, data);
  });

  app.post('/circuits', async (c) => {
    const input = parseInput(circuitInputSchema, await readJson(c.req.raw));
    const parsed = parseCircuit(input.qasm);
    const { data, error } = await c
      .get('caller')
      .db.from('qmlab_circuits')
      .insert({
        owner_id: c.get('caller').user.id,
        title: input.title,
        description: input.description,
        qasm: input.qasm,
        num_qubits: parsed.numQubits,
        gate_count: parsed.gateCount,
        visibility: input.visibility,
      })
      .select(CIRCUIT_COLUMNS)
      .single();
    if (error) throw fromDatabaseError(error);
    return respond(c, circuitSchema, data, 201);
  });

  app.patch('/circuits/:id', async (c) => {
    const { id } = parseInput(circuitIdParamSchema, c.req.param());
    const patch = parseInput(circuitPatchSchema, await readJson(c.req.raw));
    const parsed = patch.qasm === undefined ? undefined : parseCircuit(patch.qasm);
    const { data, error } = await c
      .get('caller')
      .db.from('qmlab_circuits')
      .update({
        ...patch,
        ...(parsed ? { num_qubits: parsed.numQubits, gate_count: parsed.gateCount } : {}),
      })
      .eq('id', id)
      .eq('owner_id', c.get('caller').user.id)
      .select(CIRCUIT_COLUMNS)
      .maybeSingle();
    if (error) throw fromDatabaseError(error);
    if (!data) throw new ApiError(404, 'not_found', 'circuit not found', { field: 'id' });
    return respond(c, circuitSchema, data);
  });

  app.delete('/circuits/:id', async (c) => {
    const { id } = parseInput(circuitIdParamSchema, c.req.param());
    const { data, error } = await c
      .get('caller')
      .db.from('qmlab_circuits')
      .delete()
      .eq('id', id)
      .eq('owner_id', c.get('caller').user.id)
      .select('id');
    if (error) throw fromDatabaseError(error);
    if (data.length === 0)
      throw new ApiError(404, 'not_found', 'circuit not found', { field: 'id' });
    return c.body(null, 204);
  });
}
