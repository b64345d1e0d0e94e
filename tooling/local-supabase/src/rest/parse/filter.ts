// Parser for PostgREST filters: `col=[not.]op[(any|all)|(lang)].value` and the boolean trees
// `or=(a.eq.1,and(b.gt.2,c.lt.3))`. Values stay strings; the SQL builder binds them.
import { parseError } from '../errors.ts';
import { parseField, type Field } from './field.ts';

/** Operators that compare a column to one value, with their SQL spelling. */
export const BINARY_OPERATORS: Record<string, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'like',
  ilike: 'ilike',
  match: '~',
  imatch: '~*',
  cs: '@>',
  cd: '<@',
  ov: '&&',
  sl: '<<',
  sr: '>>',
  nxr: '&<',
  nxl: '&>',
  adj: '-|-',
  isdistinct: 'is distinct from',
};

export const FTS_OPERATORS: Record<string, string> = {
  fts: 'to_tsquery',
  plfts: 'plainto_tsquery',
  phfts: 'phraseto_tsquery',
  wfts: 'websearch_to_tsquery',
};

/** Operators that accept `(any)` / `(all)` with a `{a,b}` list. */
const QUANTIFIABLE = new Set([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'match',
  'imatch',
]);

const IS_VALUES = new Set(['null', 'not_null', 'true', 'false', 'unknown']);

export type Condition = Filter | LogicTree;

export interface Filter {
  kind: 'filter';
  field: Field;
  negate: boolean;
  op: string;
  quantifier: 'any' | 'all' | null;
  /** Text-search configuration of `fts(english)`. */
  language: string | null;
  /** The raw value (for `in` and quantified operators, see `list`). */
  value: string;
  list: string[] | null;
}

export interface LogicTree {
  kind: 'logic';
  operator: 'and' | 'or';
  negate: boolean;
  children: Condition[];
}

/** Parses the value side of `col=value` (e.g. `not.in.(1,2)`). */
export function parseFilter(fieldText: string, valueText: string): Filter {
  const field = parseField(fieldText);
  const fail = (detail: string): never => {
    throw parseError(`failed to parse filter (${valueText})`, detail);
  };
  let rest = valueText;
  let negate = false;
  if (rest.startsWith('not.')) {
    negate = true;
    rest = rest.slice(4);
  }
  const match = /^([a-z]+)(?:\(([^)]*)\))?\.([\s\S]*)$/.exec(rest);
  if (!match) return fail('expected an operator such as eq., in. or is.');
  const op = match[1] ?? '';
  const modifier = match[2] ?? null;
  const value = match[3] ?? '';
  let quantifier: Filter['quantifier'] = null;
  let language: string | null = null;

  if (op in FTS_OPERATORS) {
    if (modifier !== null) {
      if (!/^[a-z_][a-z0-9_]*$/i.test(modifier))
        fail(`invalid text search configuration "${modifier}"`);
      language = modifier;
    }
    return { kind: 'filter', field, negate, op, quantifier, language, value, list: null };
  }
  if (op === 'in') {
    if (modifier !== null) fail('in does not take a modifier');
    return {
      kind: 'filter',
      field,
      negate,
      op,
      quantifier,
      language,
      value,
      list: parseList(value, '(', ')', fail),
    };
  }
  if (op === 'is') {
    const lowered = value.toLowerCase();
    if (modifier !== null || !IS_VALUES.has(lowered))
      fail('is accepts null, not_null, true, false or unknown');
    return { kind: 'filter', field, negate, op, quantifier, language, value: lowered, list: null };
  }
  if (!(op in BINARY_OPERATORS)) return fail(`unknown operator "${op}"`);
  if (modifier !== null) {
    if ((modifier !== 'any' && modifier !== 'all') || !QUANTIFIABLE.has(op))
      fail(`"${op}" does not take "(${modifier})"`);
    quantifier = modifier as 'any' | 'all';
    return {
      kind: 'filter',
      field,
      negate,
      op,
      quantifier,
      language,
      value,
      list: parseList(value, '{', '}', fail),
    };
  }
  return { kind: 'filter', field, negate, op, quantifier, language, value, list: null };
}

/** Parses `(a,"b,c")` / `{a,b}` lists; double quotes protect commas and parentheses. */
function parseList(
  text: string,
  open: string,
  close: string,
  fail: (detail: string) => never,
): string[] {
  if (!text.startsWith(open) || !text.endsWith(close))
    fail(`expected a list in ${open}...${close}`);
  const inner = text.slice(1, -1);
  if (inner === '') return [];
  return splitTopLevel(inner, fail).map((item) => unquoteValue(item));
}

function unquoteValue(item: string): string {
  if (item.length >= 2 && item.startsWith('"') && item.endsWith('"')) {
    return item.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return item;
}

/** Splits on commas outside parentheses, braces and double quotes. */
function splitTopLevel(text: string, fail: (detail: string) => never): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '\\') i += 1;
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(' || ch === '{' || ch === '[') depth += 1;
    else if (ch === ')' || ch === '}' || ch === ']') {
      depth -= 1;
      if (depth < 0) fail('unbalanced parentheses');
    } else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (quoted) fail('unterminated double quote');
  if (depth !== 0) fail('unbalanced parentheses');
  parts.push(text.slice(start));
  return parts;
}

/** Parses the `(...)` of `or=(...)` / `and=(...)` into a tree. */
export function parseLogicTree(operator: 'and' | 'or', negate: boolean, text: string): LogicTree {
  const source = `${negate ? 'not.' : ''}${operator}=${text}`;
  const fail = (detail: string): never => {
    throw parseError(`failed to parse logic tree (${text})`, `${detail} in ${source}`);
  };
  if (!text.startsWith('(') || !text.endsWith(')')) fail('expected "(...)"');
  const inner = text.slice(1, -1);
  if (inner.trim() === '') fail('empty logic tree');
  const children = splitTopLevel(inner, fail).map((part) => parseTreeElement(part, fail));
  return { kind: 'logic', operator, negate, children };
}

function parseTreeElement(part: string, fail: (detail: string) => never): Condition {
  const nested = /^(not\.)?(and|or)(\(.*\))$/s.exec(part);
  if (nested)
    return parseLogicTree(nested[2] as 'and' | 'or', nested[1] !== undefined, nested[3] ?? '');
  // `field.op.value`: the field ends at the first dot outside double quotes.
  let end = -1;
  let quoted = false;
  for (let i = 0; i < part.length; i += 1) {
    if (part[i] === '"') quoted = !quoted;
    else if (part[i] === '.' && !quoted) {
      end = i;
      break;
    }
  }
  if (end <= 0) fail(`"${part}" is not field.operator.value`);
  return parseFilter(part.slice(0, end), part.slice(end + 1));
}
