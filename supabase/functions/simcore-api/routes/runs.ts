// The caller's runs: list, create, read, lifecycle (start, stop, complete), share, delete, stats.
import { ENGINE_VERSION, modules, ParamsError, parseParams } from '@alawein/simcore-engine';
import type { TypedSupabaseClient } from '@alawein/supabase-client/server';
import type { z } from 'zod';
import type { FunctionApp } from '../../_shared/app.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { ApiError, fromDatabaseError } from '../../_shared/errors.ts';
import { readJson } from '../../_shared/http.ts';
import { respond } from '../../_shared/respond.ts';
import { parseInput } from '../../_shared/validation.ts';
import {
  completeRunSchema,
  createRunSchema,
  listRunsQuerySchema,
  MAX_RESULT_BYTES,
  runIdSchema,
  runPageSchema,
  runSchema,
  shareLinkSchema,
  statsSchema,
  shareSchema,
  stopRunSchema,
} from '@alawein/simcore-domain';

interface DatabaseError {
  code?: string;
  message?: string;
  hint?: string | null;
  details?: string | null;
}

/** The SQL quota checks raise 53400 naming the limit; everything else maps as usual. */
export function toApiError(error: DatabaseError): ApiError {
  if (error.code === '53400') {
    return new ApiError(
      403,
      'quota_exceeded',
      (error.message ?? 'quota exceeded').replace(/^quota_exceeded: /, ''),
      error.hint ? { field: error.hint } : {},
    );
  }
  if (error.code === '55000') {
    return new ApiError(409, 'invalid_transition', error.message ?? 'not allowed now', {
      field: 'status',
    });
  }
  return fromDatabaseError(error);
}

/** The module with this id, or a 422 naming the field. */
function moduleById(id: string) {
  const found = Object.values(modules).find((module) => module.id === id);
  if (!found) {
    const known = Object.values(modules)
      .map((module) => module.id)
      .join(', ');
    throw new ApiError(422, 'unknown_module', `unknown module ${id}; known: ${known}`, {
      field: 'module',
    });
  }
  return found;
}

/** The module's own schema decides the params (defaults filled in); a bad one is a 422 on its field. */
function validParams(moduleId: string, params: Record<string, unknown>): Record<string, unknown> {
  const schema: z.ZodType<Record<string, unknown>> = moduleById(moduleId).paramsSchema;
  try {
    return parseParams(schema, params);
  } catch (error) {
    if (error instanceof ParamsError) {
      const field = error.field ? `params.${error.field}` : 'params';
      throw new ApiError(422, 'invalid_params', `${field}: ${error.message}`, { field });
    }
    throw error;
  }
}

/** Refuses a result whose JSON exceeds the cap, before anything is written. */
function checkResultSize(result: unknown): void {
  const bytes = new TextEncoder().encode(JSON.stringify(result)).byteLength;
  if (bytes > MAX_RESULT_BYTES) {
    throw new ApiError(
      413,
      'result_too_large',
      `the result is ${bytes} bytes; at most ${MAX_RESULT_BYTES} are kept per run`,
      { field: 'series' },
    );
  }
}

export function registerRunRoutes(app: FunctionApp<AuthVariables>): void {
  app.get('/runs', async (c) => {
    const query = parseInput(listRunsQuerySchema, c.req.query());
    const { data, error } = await c.get('caller').db.rpc('simcore_list_runs', {
      module: query.module,
      status: query.status,
      page_limit: query.limit,
      page_offset: query.offset,
    });
    if (error) throw toApiError(error);
    return respond(c, runPageSchema, data);
  });

  app.post('/runs', async (c) => {
    const input = parseInput(createRunSchema, await readJson(c.req.raw));
    const params = validParams(input.module, input.params);
    const seed = typeof params.seed === 'number' ? params.seed : null;
    const { data, error } = await c
      .get('caller')
      .db.from('simcore_simulations')
      .insert({
        module: input.module,
        title: input.title,
        params: params as Record<string, never>,
        seed,
        engine_version: ENGINE_VERSION,
      })
      .select('id')
      .single();
    if (error) throw toApiError(error);
    return respond(c, runSchema, await runById(c.get('caller').db, data.id), 201);
  });

  app.get('/runs/:id', async (c) => {
    const id = parseInput(runIdSchema, c.req.param('id'));
    return respond(c, runSchema, await runById(c.get('caller').db, id));
  });

  app.post('/runs/:id/start', async (c) => {
    const id = parseInput(runIdSchema, c.req.param('id'));
    const { data, error } = await c
      .get('caller')
      .db.from('simcore_simulations')
      .update({ status: 'running' })
      .eq('id', id)
      .select('id');
    if (error) throw toApiError(error);
    if (data.length === 0) throw new ApiError(404, 'not_found', 'run not found', { field: 'id' });
    return respond(c, runSchema, await runById(c.get('caller').db, id));
  });

  app.post('/runs/:id/stop', async (c) => {
    const id = parseInput(runIdSchema, c.req.param('id'));
    const input = parseInput(stopRunSchema, await readJson(c.req.raw));
    const { data, error } = await c.get('caller').db.rpc('simcore_finish_run', {
      run_id: id,
      final_status: input.error ? 'failed' : 'stopped',
      final_progress: input.progress,
      compute_ms: input.computeMs,
      ...(input.error ? { error_message: input.error } : {}),
    });
    if (error) throw toApiError(error);
    return respond(c, runSchema, data);
  });

  app.post('/runs/:id/complete', async (c) => {
    const id = parseInput(runIdSchema, c.req.param('id'));
    const input = parseInput(completeRunSchema, await readJson(c.req.raw));
    const run = await runById(c.get('caller').db, id);
    const module = moduleById(run.module);
    const missing = Object.keys(module.summaryFields).find((key) => !(key in input.summary));
    if (missing) {
      throw new ApiError(422, 'invalid_value', `summary.${missing} is required`, {
        field: `summary.${missing}`,
      });
    }
    checkResultSize({ summary: input.summary, series: input.series });
    const { data, error } = await c.get('caller').db.rpc('simcore_finish_run', {
      run_id: id,
      final_status: 'completed',
      final_progress: 1,
      compute_ms: input.computeMs,
      summary: input.summary,
      series: input.series,
    });
    if (error) throw toApiError(error);
    return respond(c, runSchema, data);
  });

  app.post('/runs/:id/share', async (c) => {
    const id = parseInput(runIdSchema, c.req.param('id'));
    // The body is optional: no body shares, {"shared": false} unshares.
    const hasBody = c.req.header('content-type') !== undefined;
    const input = parseInput(shareSchema, hasBody ? await readJson(c.req.raw) : {});
    const { data, error } = await c.get('caller').db.rpc('simcore_set_sharing', {
      run_id: id,
      shared: input.shared,
    });
    if (error) throw toApiError(error);
    return respond(c, shareLinkSchema, { token: data, path: data ? `/shared/${data}` : null });
  });

  app.delete('/runs/:id', async (c) => {
    const id = parseInput(runIdSchema, c.req.param('id'));
    const { data, error } = await c
      .get('caller')
      .db.from('simcore_simulations')
      .delete()
      .eq('id', id)
      .select('id');
    if (error) throw toApiError(error);
    if (data.length === 0) throw new ApiError(404, 'not_found', 'run not found', { field: 'id' });
    return c.body(null, 204);
  });

  app.get('/stats', async (c) => {
    const { data, error } = await c.get('caller').db.rpc('simcore_run_stats');
    if (error) throw toApiError(error);
    return respond(c, statsSchema, data);
  });
}

/** One of the caller's runs with its series; 404 when it is not theirs or does not exist. */
async function runById(
  db: TypedSupabaseClient,
  id: string,
): Promise<{ module: string } & Record<string, unknown>> {
  const { data, error } = await db.rpc('simcore_get_run', { run_id: id });
  if (error) throw toApiError(error);
  if (!data || typeof data !== 'object' || Array.isArray(data) || typeof data.module !== 'string') {
    throw new ApiError(404, 'not_found', 'run not found', { field: 'id' });
  }
  return { ...data, module: data.module };
}
