// Turns parsed postgres_changes filters into SQL that casts both sides to the column's type, so
// the database itself decides `=`, `<`, `in` for uuids, numbers, timestamps, enums alike.
import type { Pool } from 'pg';
import { FILTER_OPERATORS, FilterSyntaxError, type FilterCondition } from './filters.ts';
import type { PublishedTable } from './tables.ts';

/** Collects positional parameters while SQL is being built. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function columnType(table: PublishedTable, column: string): string {
  const found = table.columns.find((candidate) => candidate.name === column);
  if (!found) {
    throw new FilterSyntaxError(
      `invalid filter: column "${column}" does not exist in ${table.schema}.${table.table}`,
    );
  }
  return found.sqlType;
}

/** `left op right` for one condition, where `left` is already an SQL text expression. */
function comparison(
  table: PublishedTable,
  condition: FilterCondition,
  left: string,
  params: Params,
): string {
  const type = columnType(table, condition.column);
  if (condition.operator === 'in') {
    return `(${left})::${type} = any (${params.add(condition.value)}::text[]::${type}[])`;
  }
  return `(${left})::${type} ${FILTER_OPERATORS[condition.operator]} ${params.add(condition.value)}::${type}`;
}

/**
 * Checks at subscribe time that every column exists and every value casts to its column's type
 * and can be compared with it; throws FilterSyntaxError with the database's reason otherwise.
 */
export async function validateFilter(
  pool: Pool,
  table: PublishedTable,
  conditions: FilterCondition[],
): Promise<void> {
  const params = new Params();
  const checks = conditions.map((condition) => {
    const sample = Array.isArray(condition.value) ? condition.value[0] : condition.value;
    return comparison(table, condition, params.add(sample), params);
  });
  try {
    await pool.query(`select ${checks.join(' and ')}`, params.values);
  } catch (error) {
    throw new FilterSyntaxError(`invalid filter: ${(error as Error).message}`);
  }
}

/**
 * One query answering, for every change of one table in a batch, which of `filters` its row
 * satisfies: row `i` (1-based, as `changes`) has a boolean column `f<k>` per filter. A DELETE is
 * matched against its old row (the dispatcher only asks about columns the client receives).
 */
export function buildFilterQuery(
  table: PublishedTable,
  changes: string[],
  filters: FilterCondition[][],
): { text: string; values: unknown[] } {
  const params = new Params();
  params.add(changes);
  const row = `coalesce(c.change -> 'record', c.change -> 'old_record')`;
  const columns = filters.map((conditions, index) => {
    const tests = conditions.map((condition) =>
      comparison(table, condition, `${row} ->> ${params.add(condition.column)}::text`, params),
    );
    return `coalesce(${tests.join(' and ')}, false) as f${index}`;
  });
  return {
    text: `select c.i, ${columns.join(', ')} from unnest($1::jsonb[]) with ordinality as c(change, i)`,
    values: params.values,
  };
}
