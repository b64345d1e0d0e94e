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
    throw new FilterSyntaxError(`invalid filter: column "${column}" does not exist in ${table.schema}.${table.table}`);
  }
  return found.sqlType;
}

/** `left op right` for one condition, where `left` is already an SQL text expression. */
function comparison(table: PublishedTable, condition: FilterCondition, left: string, params: Params): string {
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
export async function validateFilter(pool: Pool, table: PublishedTable, conditions: FilterCondition[]): Promise<void> {
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
 * One query answering, for a single change, which of `filters` its row satisfies. `$1` is the
 * change's JSON; a DELETE is matched against the old row (only what replica identity kept).
 */
export function buildFilterQuery(
  table: PublishedTable,
  changeJson: string,
  recordField: 'record' | 'old_record',
  filters: FilterCondition[][],
): { text: string; values: unknown[] } {
  const params = new Params();
  params.add(changeJson);
  const columns = filters.map((conditions, index) => {
    const tests = conditions.map((condition) =>
      comparison(table, condition, `$1::jsonb -> '${recordField}' ->> ${params.add(condition.column)}::text`, params),
    );
    return `coalesce(${tests.join(' and ')}, false) as f${index}`;
  });
  return { text: `select ${columns.join(', ')}`, values: params.values };
}
