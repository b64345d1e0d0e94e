// The per-subscriber RLS check: a change is delivered only if the subscriber could SELECT the row
// now, under its own role and claims — the same transaction PostgREST would run for it.
import type { Pool } from 'pg';
import { withRequestTransaction } from '../db/request-transaction.ts';
import type { CapturedChange } from './capture.ts';
import type { Identity } from './identity.ts';
import { quoteIdent, type PublishedTable } from './tables.ts';

/**
 * For each change of one table, whether `identity` may see it: SELECT privilege on the table, and
 * for INSERT/UPDATE the row, looked up by primary key, passes RLS. A DELETE cannot be checked
 * against a row that no longer exists, so, as in Supabase, privilege alone decides and the
 * client receives only the old row's primary key.
 */
export async function checkVisibility(
  apiPool: Pool,
  identity: Identity,
  table: PublishedTable,
  changes: CapturedChange[],
): Promise<boolean[]> {
  const scope = {
    auth: identity,
    method: 'GET',
    path: '/realtime/v1/websocket',
    headers: {},
    readOnly: true,
  };
  return withRequestTransaction(apiPool, scope, async (client) => {
    const rowChecks = changes.flatMap((change, index) =>
      change.type === 'DELETE' ? [] : [{ change, index }],
    );
    const visible = changes.map((change) => change.type === 'DELETE');
    const keyless = table.primaryKey.length === 0;
    // Without SELECT privilege PostgreSQL refuses the query itself (42501): nothing is visible.
    // One statement thus checks privilege and RLS; the transaction then just rolls back.
    const denied = (error: unknown): boolean[] => {
      if ((error as { code?: string }).code === '42501') return changes.map(() => false);
      throw error;
    };
    if (rowChecks.length === 0 || keyless) {
      try {
        await client.query(`select from ${table.qualifiedName} where false`);
      } catch (error) {
        return denied(error);
      }
      // Without a key the row cannot be found again: only tables without RLS are safe to deliver.
      for (const { index } of rowChecks) visible[index] = !table.rlsEnabled;
      return visible;
    }

    const keyMatch = table.primaryKey
      .map((column) => {
        const type =
          table.columns.find((candidate) => candidate.name === column)?.sqlType ?? 'text';
        return `t.${quoteIdent(column)} = (c.change -> 'record' ->> '${column.replaceAll("'", "''")}')::${type}`;
      })
      .join(' and ');
    let rows: { i: string }[];
    try {
      ({ rows } = await client.query<{ i: string }>(
        `select c.i from unnest($1::jsonb[]) with ordinality as c(change, i)
         where exists (select 1 from ${table.qualifiedName} t where ${keyMatch})`,
        [rowChecks.map(({ change }) => change.json)],
      ));
    } catch (error) {
      return denied(error);
    }
    for (const row of rows) {
      const check = rowChecks[Number(row.i) - 1];
      if (check) visible[check.index] = true;
    }
    return visible;
  });
}
