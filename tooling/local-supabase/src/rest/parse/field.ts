// Field references shared by select, filters and order: a column name plus an optional JSON
// path (`data->address->>city`). Names are validated later against the schema cache.
import { parseError } from '../errors.ts';

export interface JsonStep {
  /** `->` keeps JSON, `->>` yields text. */
  arrow: '->' | '->>';
  key: string;
}

export interface Field {
  name: string;
  json: JsonStep[];
}

/** Output key PostgREST gives a field: the last JSON key, else the column name. */
export function fieldLabel(field: Field): string {
  const last = field.json.at(-1);
  return last ? last.key : field.name;
}

/** Parses `col`, `"quoted col"` or `col->a->>b`. */
export function parseField(text: string): Field {
  const trimmed = text.trim();
  const parts = trimmed.split(/(->>|->)/);
  const head = parts[0] ?? '';
  const name = unquoteIdentifier(head.trim());
  if (name === '') throw parseError(`failed to parse field "${text}"`, 'A column name is required');
  const json: JsonStep[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const arrow = parts[i] as '->' | '->>';
    const key = unquoteIdentifier((parts[i + 1] ?? '').trim());
    if (key === '')
      throw parseError(`failed to parse field "${text}"`, `A JSON key is required after ${arrow}`);
    json.push({ arrow, key });
  }
  return { name, json };
}

/** Strips PostgREST-style double quotes (`"my col"`) from an identifier. */
export function unquoteIdentifier(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return text.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return text;
}
