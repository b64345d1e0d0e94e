// Parser for `order=col.desc.nullslast,other` (also `rel(col).asc` for to-one embeds).
import { parseError } from '../errors.ts';
import { parseField, type Field } from './field.ts';

export interface OrderTerm {
  /** Set for `rel(col)`: order by a column of a to-one embedded resource. */
  relation: string | null;
  field: Field;
  direction: 'asc' | 'desc' | null;
  nulls: 'first' | 'last' | null;
}

/** Parses an `order` parameter into terms. */
export function parseOrder(text: string): OrderTerm[] {
  return text.split(',').map((term) => {
    const fail = (detail: string): never => {
      throw parseError(`failed to parse order (${text})`, detail);
    };
    const parts = term.split('.');
    let head = parts.shift() ?? '';
    // JSON keys may hold dots only when quoted; keep rejoining until quotes balance.
    while ((head.match(/"/g)?.length ?? 0) % 2 === 1 && parts.length > 0)
      head += `.${parts.shift() ?? ''}`;
    let relation: string | null = null;
    const embedded = /^([^(]+)\((.+)\)$/.exec(head);
    if (embedded) {
      relation = embedded[1] ?? null;
      head = embedded[2] ?? '';
    }
    if (head.trim() === '') fail('a column is required');
    let direction: OrderTerm['direction'] = null;
    let nulls: OrderTerm['nulls'] = null;
    for (const modifier of parts) {
      if (modifier === 'asc' || modifier === 'desc') {
        if (direction !== null) fail(`direction given twice in "${term}"`);
        direction = modifier;
      } else if (modifier === 'nullsfirst' || modifier === 'nullslast') {
        if (nulls !== null) fail(`nulls order given twice in "${term}"`);
        nulls = modifier === 'nullsfirst' ? 'first' : 'last';
      } else fail(`unexpected "${modifier}" in "${term}"`);
    }
    return { relation, field: parseField(head), direction, nulls };
  });
}

/** Parses a non-negative integer parameter (`limit`, `offset`). */
export function parseCount(name: string, text: string): number {
  if (!/^\d+$/.test(text))
    throw parseError(`failed to parse ${name} (${text})`, `${name} must be a non-negative integer`);
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw parseError(`failed to parse ${name} (${text})`, `${name} is too large`);
  return value;
}
