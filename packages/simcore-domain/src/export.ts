// Turning a run into files people open elsewhere: JSON (everything) and CSV (the series).
import type { Run } from './api.ts';

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The run's series as CSV: a header of column names, then one row per point. Columns of unequal
 * length leave the missing cells empty. Numbers keep full precision (shortest round-trip form).
 * `order` puts those columns first (stored JSON does not keep key order; the module's does).
 */
export function seriesToCsv(
  series: Record<string, readonly number[]>,
  order: readonly string[] = [],
): string {
  const names = [...new Set([...order.filter((name) => name in series), ...Object.keys(series)])];
  const rows = Math.max(0, ...names.map((name) => series[name]!.length));
  const lines = [names.map(csvField).join(',')];
  for (let i = 0; i < rows; i += 1) {
    lines.push(
      names.map((name) => (i < series[name]!.length ? String(series[name]![i]) : '')).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The run as a self-describing JSON document (params, summary, series, provenance). */
export function runToJson(run: Run): string {
  const {
    id,
    module,
    title,
    params,
    status,
    seed,
    engineVersion,
    computeMs,
    createdAt,
    summary,
    series,
  } = run;
  return `${JSON.stringify(
    {
      id,
      module,
      title,
      status,
      seed,
      engineVersion,
      computeMs,
      createdAt,
      params,
      summary,
      series,
    },
    null,
    2,
  )}\n`;
}

/** A file name from a title: lower-case words joined by dashes, with the extension. */
export function exportFileName(title: string, extension: 'csv' | 'json'): string {
  const stem =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'simcore-run';
  return `${stem}.${extension}`;
}
