// postgres_changes filters, as realtime-js writes them: `column=op.value`, `column=in.(a,b)`,
// several conditions joined by commas (AND), values optionally double-quoted PostgREST-style.
// Values are compared in SQL after casting to the column's type (filter-sql.ts), as Supabase's
// Realtime does, so `id=gt.9` compares numbers and `at=lt.2024-01-01` compares timestamps.

export const FILTER_OPERATORS = {
  eq: '=',
  neq: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  in: 'in',
} as const;

export type FilterOperator = keyof typeof FILTER_OPERATORS;

export interface FilterCondition {
  column: string;
  operator: FilterOperator;
  /** One value, or the list of an `in` filter. */
  value: string | string[];
}

export class FilterSyntaxError extends Error {}

/** Parses a filter string; throws FilterSyntaxError naming what is wrong. */
export function parseFilter(filter: string): FilterCondition[] {
  const parts = splitOutside(filter, ',');
  if (parts.length === 0 || parts.some((part) => part.trim() === '')) {
    throw new FilterSyntaxError(`invalid filter "${filter}": expected column=operator.value`);
  }
  return parts.map((part) => parseCondition(part.trim()));
}

function parseCondition(condition: string): FilterCondition {
  const equals = condition.indexOf('=');
  const dot = condition.indexOf('.', equals + 1);
  if (equals <= 0 || dot < 0) {
    throw new FilterSyntaxError(`invalid filter "${condition}": expected column=operator.value`);
  }
  const column = condition.slice(0, equals).trim();
  const operator = condition.slice(equals + 1, dot);
  const rawValue = condition.slice(dot + 1);
  if (!isOperator(operator)) {
    throw new FilterSyntaxError(
      `invalid filter "${condition}": operator "${operator}" is not supported (use ${Object.keys(FILTER_OPERATORS).join(', ')})`,
    );
  }
  if (operator === 'in') {
    const match = /^\((.*)\)$/s.exec(rawValue);
    if (!match)
      throw new FilterSyntaxError(`invalid filter "${condition}": in expects a list like in.(a,b)`);
    const items = splitOutside(match[1] ?? '', ',').map((item) => unquote(item.trim()));
    if (items.length === 0)
      throw new FilterSyntaxError(`invalid filter "${condition}": in needs at least one value`);
    return { column, operator, value: items };
  }
  return { column, operator, value: unquote(rawValue) };
}

function isOperator(value: string): value is FilterOperator {
  return Object.hasOwn(FILTER_OPERATORS, value);
}

/** Splits on `separator` outside double quotes and parentheses. */
function splitOutside(text: string, separator: string): string[] {
  if (text === '') return [];
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '\\' && i + 1 < text.length) {
      current += char + text[++i];
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')') depth--;
    if (char === separator && !quoted && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}
