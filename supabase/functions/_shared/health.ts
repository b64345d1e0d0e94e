// Health: the database answers through the same API path the function uses for real work.
import { clientForRequest } from './auth.ts';
import type { FunctionEnv } from './env.ts';

export type HealthCheck = { ok: true } | { ok: false; reason: string };

/** Calls public.health_check() with the anon key; any failure names what broke. */
export async function checkDatabase(env: FunctionEnv, timeoutMs = 3000): Promise<HealthCheck> {
  const db = clientForRequest(env, `Bearer ${env.supabaseAnonKey}`);
  try {
    const { error } = await db.rpc('health_check').abortSignal(AbortSignal.timeout(timeoutMs));
    return error ? { ok: false, reason: `database error: ${error.message}` } : { ok: true };
  } catch (error) {
    return {
      ok: false,
      reason: `database unreachable: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
