// GET /shared/:token — a shared run, read-only, for anyone with its link (no sign-in). With
// ?verify=1 the server re-runs it (small runs only, within a time budget) and says whether the
// same parameters and seed gave the same summary.
import { sharedRunSchema } from '@alawein/simcore-domain';
import { modules, summaryMismatches } from '@alawein/simcore-engine';
import { z } from 'zod';
import type { FunctionApp } from '../../_shared/app.ts';
import type { AuthVariables } from '../../_shared/auth.ts';
import { clientForRequest } from '../../_shared/auth.ts';
import { ApiError } from '../../_shared/errors.ts';
import type { FunctionEnv } from '../../_shared/env.ts';
import { respond } from '../../_shared/respond.ts';
import { parseInput } from '../../_shared/validation.ts';
import { toApiError } from './runs.ts';

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{24}$/, { error: 'not a share link token' });
const sharedQuerySchema = z.strictObject({ verify: z.enum(['0', '1']).optional() });

/** Re-runs longer than this are abandoned: verification is for small runs. */
export const VERIFY_BUDGET_MS = 3000;
/** Summaries agreeing to this relative difference count as reproduced (same code, same seed). */
const REPRODUCED_TOLERANCE = 1e-9;

export function registerSharedRoutes(app: FunctionApp<AuthVariables>, env: FunctionEnv): void {
  app.get('/shared/:token', async (c) => {
    const token = parseInput(tokenSchema, c.req.param('token'));
    const query = parseInput(sharedQuerySchema, c.req.query());
    const db = clientForRequest(env, `Bearer ${env.supabaseAnonKey}`);
    const { data, error } = await db.rpc('simcore_shared_run', { token });
    if (error) throw toApiError(error);
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new ApiError(
        404,
        'not_found',
        'no shared run has this link (it may have been unshared)',
      );
    }
    const verification =
      query.verify === '1' ? await verify(data.module, data.params, data.summary) : null;
    c.header('cache-control', 'no-store');
    return respond(c, sharedRunSchema, { ...data, verification });
  });
}

/** Re-runs the module with the stored params; null when it cannot be checked in the budget. */
async function verify(
  moduleId: unknown,
  params: unknown,
  summary: unknown,
): Promise<{ reproduced: boolean; mismatches: string[] } | null> {
  const module = Object.values(modules).find((m) => m.id === moduleId);
  if (!module || !isNumbers(summary) || typeof params !== 'object' || params === null) return null;
  const simulate = module.simulate as (
    p: object,
    o: { signal: AbortSignal },
  ) => Promise<{ summary: Record<string, number> }>;
  try {
    const rerun = await simulate(params, { signal: AbortSignal.timeout(VERIFY_BUDGET_MS) });
    const mismatches = summaryMismatches(rerun.summary, summary, REPRODUCED_TOLERANCE);
    return { reproduced: mismatches.length === 0, mismatches };
  } catch {
    return null;
  }
}

function isNumbers(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'number')
  );
}
