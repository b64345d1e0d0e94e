// Sorts a request's query parameters into select, per-resource filters/order/limits and the
// mutation options, as PostgREST reads them. `rel.col=eq.1`, `rel.order=...`, `rel.limit=1`
// address the embedded resource labelled `rel` in `select`.
import { parseError } from '../errors.ts';
import { parseFilter, parseLogicTree, type Condition } from './filter.ts';
import { parseCount, parseOrder, type OrderTerm } from './order.ts';
import { parseSelect, type SelectItem } from './select.ts';

export interface ResourceOptions {
  conditions: Condition[];
  order: OrderTerm[];
  limit: number | null;
  offset: number | null;
}

export interface ParsedQuery {
  select: SelectItem[];
  /** Whether `select` was given (mutations return nothing selectable without it). */
  hasSelect: boolean;
  columns: string[] | null;
  onConflict: string[] | null;
  /** Keyed by embedding path: '' is the requested resource, 'rel' / 'rel.sub' embedded ones. */
  resources: Map<string, ResourceOptions>;
  /** Parameters set aside as function arguments (GET /rpc/fn). */
  args: Map<string, string>;
}

/** Reads the query string; `argNames` marks root-level names that are rpc arguments. */
export function parseQuery(
  params: URLSearchParams,
  argNames: ReadonlySet<string> = new Set(),
): ParsedQuery {
  const parsed: ParsedQuery = {
    select: [{ kind: 'star' }],
    hasSelect: false,
    columns: null,
    onConflict: null,
    resources: new Map(),
    args: new Map(),
  };
  const resource = (path: string): ResourceOptions => {
    let options = parsed.resources.get(path);
    if (!options) {
      options = { conditions: [], order: [], limit: null, offset: null };
      parsed.resources.set(path, options);
    }
    return options;
  };
  resource('');

  for (const [key, value] of params) {
    if (key === 'select') {
      parsed.select = parseSelect(value);
      parsed.hasSelect = true;
      continue;
    }
    if (key === 'columns') {
      parsed.columns = splitNames(key, value);
      continue;
    }
    if (key === 'on_conflict') {
      parsed.onConflict = splitNames(key, value);
      continue;
    }
    if (argNames.has(key)) {
      parsed.args.set(key, value);
      continue;
    }
    const segments = splitKey(key);
    const last = segments.at(-1) ?? '';
    let negate = false;
    let pathSegments = segments.slice(0, -1);
    if ((last === 'or' || last === 'and') && pathSegments.at(-1) === 'not') {
      negate = true;
      pathSegments = pathSegments.slice(0, -1);
    }
    const path = pathSegments.join('.');
    const options = resource(path);
    switch (last) {
      case 'order':
        options.order.push(...parseOrder(value));
        break;
      case 'limit':
        options.limit = parseCount(key, value);
        break;
      case 'offset':
        options.offset = parseCount(key, value);
        break;
      case 'or':
      case 'and':
        options.conditions.push(parseLogicTree(last, negate, value));
        break;
      default:
        if (last === '')
          throw parseError(`failed to parse filter (${key})`, 'A column name is required');
        options.conditions.push(parseFilter(last, value));
    }
  }
  return parsed;
}

function splitNames(key: string, value: string): string[] {
  const names = value.split(',').map((name) => name.trim().replace(/^"(.*)"$/, '$1'));
  if (names.some((name) => name === ''))
    throw parseError(`failed to parse ${key} (${value})`, 'empty column name');
  return names;
}

/** Splits `rel.sub.col` on dots outside double quotes and JSON arrows. */
function splitKey(key: string): string[] {
  const segments: string[] = [];
  let current = '';
  let quoted = false;
  let inJson = false;
  for (let i = 0; i < key.length; i += 1) {
    const ch = key[i] ?? '';
    if (ch === '"') quoted = !quoted;
    if (ch === '-' && key[i + 1] === '>') inJson = true;
    if (ch === '.' && !quoted && !inJson) {
      segments.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  segments.push(current);
  return segments;
}
