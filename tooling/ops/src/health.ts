// `pnpm ops:health`: every Edge Function's /health and every app's URL for one environment,
// as a table, judged against the alert thresholds.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ALERT_THRESHOLDS } from './alerts.ts';
import { APPS, type AppName, type HealthEnvironment } from './target.ts';

/** The functions the architecture defines, one per app. */
export const FUNCTION_NAMES = ['simcore-api', 'repz-api', 'liveit-api', 'qmlab-api'] as const;

export interface HealthRow {
  kind: 'function' | 'app';
  name: string;
  url: string;
  status: 'ok' | 'slow' | 'down' | 'absent';
  httpStatus: number | null;
  latencyMs: number | null;
  detail: string;
}

async function probe(url: string, headers: Record<string, string>, timeoutMs: number) {
  const started = performance.now();
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { httpStatus: response.status, latencyMs: performance.now() - started, body };
  } catch (error) {
    return {
      httpStatus: null,
      latencyMs: null,
      body: error instanceof Error ? error.message : String(error),
    };
  }
}

function judge(httpStatus: number | null, latencyMs: number | null): HealthRow['status'] {
  if (httpStatus !== 200 || latencyMs === null) return 'down';
  return latencyMs > ALERT_THRESHOLDS.latencyP95Ms ? 'slow' : 'ok';
}

/** Checks every function and app of `environment`; `functionsDir` tells which functions exist. */
export async function checkHealth(
  environment: HealthEnvironment,
  functionsDir: string,
  timeoutMs = 5000,
): Promise<HealthRow[]> {
  const auth = { apikey: environment.anonKey, authorization: `Bearer ${environment.anonKey}` };
  const functionRows = FUNCTION_NAMES.map(async (name): Promise<HealthRow> => {
    const url = `${environment.supabaseUrl}/functions/v1/${name}/health`;
    if (!existsSync(path.join(functionsDir, name, 'index.ts'))) {
      return {
        kind: 'function',
        name,
        url,
        status: 'absent',
        httpStatus: null,
        latencyMs: null,
        detail: 'not in this repository yet',
      };
    }
    const result = await probe(url, auth, timeoutMs);
    return {
      kind: 'function',
      name,
      url,
      status: judge(result.httpStatus, result.latencyMs),
      ...result,
      detail: result.body.slice(0, 120),
    };
  });
  const appRows = (Object.keys(APPS) as AppName[]).map(async (name): Promise<HealthRow> => {
    const url = environment.apps[name];
    const result = await probe(url, {}, timeoutMs);
    const detail =
      result.httpStatus === null
        ? result.body
        : result.body.includes('id="root"')
          ? 'app shell served'
          : 'unexpected page';
    return {
      kind: 'app',
      name,
      url,
      status: judge(result.httpStatus, result.latencyMs),
      httpStatus: result.httpStatus,
      latencyMs: result.latencyMs,
      detail,
    };
  });
  return Promise.all([...functionRows, ...appRows]);
}

/** A fixed-width table of the rows. */
export function formatHealthTable(rows: readonly HealthRow[]): string {
  const header = ['kind', 'name', 'status', 'http', 'ms', 'url', 'detail'];
  const lines = rows.map((row) => [
    row.kind,
    row.name,
    row.status,
    row.httpStatus === null ? '-' : String(row.httpStatus),
    row.latencyMs === null ? '-' : row.latencyMs.toFixed(0),
    row.url,
    row.detail.replace(/\s+/g, ' '),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]!.length)),
  );
  return [header, ...lines]
    .map((line) =>
      line
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
