// Turns the one-row result of a request's final query into PostgREST's status, headers and body.
import { RestError } from './errors.ts';
import type { ResponseShape } from './headers.ts';

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  /** Serialized JSON, or null for bodiless answers (204, HEAD, return=minimal). */
  body: string | null;
}

/** What the final query of a read or mutation returns. */
export interface ResultRow {
  total: string | number | null;
  page: string | number;
  body: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const OBJECT_TYPE = 'application/vnd.pgrst.object+json; charset=utf-8';

/** Wraps the top-level SELECT so one round trip yields the count, the page size and the JSON body. */
export function finalSql(options: {
  mutation: string | null;
  read: string;
  total: string | null;
  stripNulls?: boolean;
}): string {
  const ctes = [
    ...(options.mutation === null ? [] : [`pgrst_source as (${options.mutation})`]),
    `pgrst_result as (${options.read})`,
  ];
  return (
    `with ${ctes.join(', ')} select ${options.total ?? 'null'} as total, count(*) as page, ` +
    `${options.stripNulls ? 'json_strip_nulls' : ''}(coalesce(json_agg(pgrst_result), '[]'))::text as body from pgrst_result`
  );
}

/** The one row of `finalSql` as PostgreSQL sent it (text columns, in select-list order). */
export function resultRow(fields: readonly (string | null)[] | undefined): ResultRow {
  if (!fields) throw new Error('the read query returned no row');
  const [total = null, page, body] = fields;
  if (page == null || body == null) throw new Error('the read query returned an incomplete row');
  return { total, page, body };
}

/** PGRST116 unless exactly one row; thrown inside the transaction so writes roll back. */
export function requireOneRow(page: number): void {
  if (page !== 1) {
    throw new RestError(406, 'PGRST116', 'JSON object requested, multiple (or no) rows returned', {
      details: `The result contains ${page} rows`,
      hint: null,
    });
  }
}

/** The one object of a one-row result (see `requireOneRow`). */
export function singleBody(row: ResultRow): string {
  requireOneRow(Number(row.page));
  // json_agg of one element is exactly `[<element>]`.
  return row.body.slice(1, -1);
}

/** Body text in the requested shape. */
export function shapedBody(row: ResultRow, shape: ResponseShape): string {
  return shape === 'object' ? singleBody(row) : row.body;
}

/** `Content-Range` as PostgREST writes it: `0-24/3573`, `*\/0`, `0-9/*`. */
export function contentRange(offset: number, page: number, total: number | null): string {
  const totalText = total === null ? '*' : String(total);
  if (page === 0) return `*/${totalText}`;
  return `${offset}-${offset + page - 1}/${totalText}`;
}
