// Parser for PostgREST's `select=` grammar: columns, `alias:col`, casts, JSON paths,
// embedded resources `alias:rel!hint!inner(...)`, spreads `...rel(...)` and `count()`.
import { parseError } from '../errors.ts';
import type { Field } from './field.ts';

export type SelectItem = StarItem | FieldItem | CountItem | EmbedItem;

export interface StarItem {
  kind: 'star';
}

export interface FieldItem {
  kind: 'field';
  alias: string | null;
  field: Field;
  cast: string | null;
}

export interface CountItem {
  kind: 'count';
  alias: string | null;
}

export interface EmbedItem {
  kind: 'embed';
  alias: string | null;
  /** Table name, foreign-key name or column name the relationship is found by. */
  name: string;
  /** `!fk_name` / `!column` disambiguators, without `inner`/`left`. */
  hint: string | null;
  inner: boolean;
  spread: boolean;
  select: SelectItem[];
}

// A cast names one type: an identifier (`text`, `int4`), or one of SQL's multi-word spellings,
// optionally followed by `[]`. Anything else is refused: the name is placed into SQL (quoted).
const CAST_PATTERN = /^([a-z_][a-z0-9_]*(?: [a-z_][a-z0-9_]*)*)(\[\])?$/;
/** SQL's keyword spellings of built-in types, which are not names in pg_type. */
const TYPE_ALIASES: Record<string, string> = {
  int: 'int4',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  real: 'float4',
  float: 'float8',
  'double precision': 'float8',
  boolean: 'bool',
  decimal: 'numeric',
  char: 'bpchar',
  character: 'bpchar',
  'character varying': 'varchar',
  'bit varying': 'varbit',
  timestamp: 'timestamp',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
};

/** The pg_type name a cast refers to (`{name, array}`), or null when it is not a type name. */
export function castType(text: string): { name: string; array: boolean } | null {
  const match = CAST_PATTERN.exec(text.trim().replace(/\s+/g, ' ').toLowerCase());
  if (!match?.[1]) return null;
  const spelled = match[1];
  const name = TYPE_ALIASES[spelled] ?? (spelled.includes(' ') ? null : spelled);
  return name === null ? null : { name, array: match[2] !== undefined };
}

/** Parses a full `select` parameter; an empty one means `*`. */
export function parseSelect(text: string | null | undefined): SelectItem[] {
  if (text === null || text === undefined || text.trim() === '') return [{ kind: 'star' }];
  const parser = new SelectParser(text);
  const items = parser.parseList();
  parser.expectEnd();
  return items;
}

class SelectParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseList(): SelectItem[] {
    const items: SelectItem[] = [];
    for (;;) {
      this.skipSpaces();
      items.push(this.parseItem());
      this.skipSpaces();
      if (this.peek() === ',') {
        this.pos += 1;
        continue;
      }
      return items;
    }
  }

  expectEnd(): void {
    this.skipSpaces();
    if (this.pos < this.text.length) this.fail(`unexpected "${this.text[this.pos]}"`);
  }

  private parseItem(): SelectItem {
    if (this.text.startsWith('...', this.pos)) {
      this.pos += 3;
      const name = this.readName();
      return this.parseEmbed(null, name, true);
    }
    if (this.peek() === '*') {
      this.pos += 1;
      return { kind: 'star' };
    }
    let alias: string | null = null;
    let name = this.readName();
    if (this.peek() === ':' && this.text[this.pos + 1] !== ':') {
      this.pos += 1;
      alias = name;
      if (this.text.startsWith('...', this.pos)) this.fail('a spread cannot have an alias');
      name = this.readName();
    }
    const next = this.peek();
    if (name === 'count' && this.text.startsWith('()', this.pos)) {
      this.pos += 2;
      return { kind: 'count', alias };
    }
    if (next === '!' || next === '(') return this.parseEmbed(alias, name, false);
    return this.parseFieldRest(alias, name);
  }

  private parseEmbed(alias: string | null, name: string, spread: boolean): EmbedItem {
    let hint: string | null = null;
    let inner = false;
    while (this.peek() === '!') {
      this.pos += 1;
      const word = this.readName();
      if (word === 'inner') inner = true;
      else if (word === 'left') inner = false;
      else if (hint === null) hint = word;
      else this.fail(`more than one hint on "${name}"`);
    }
    if (this.peek() !== '(') this.fail(`expected "(" after "${name}"`);
    this.pos += 1;
    this.skipSpaces();
    const select: SelectItem[] = this.peek() === ')' ? [] : this.parseList();
    this.skipSpaces();
    if (this.peek() !== ')') this.fail(`expected ")" to close "${name}("`);
    this.pos += 1;
    return { kind: 'embed', alias, name, hint, inner, spread, select };
  }

  private parseFieldRest(alias: string | null, name: string): FieldItem {
    const field: Field = { name, json: [] };
    // JSON path: `->key` / `->>key`, keys may be quoted.
    while (this.text.startsWith('->', this.pos)) {
      const arrow = this.text.startsWith('->>', this.pos) ? '->>' : '->';
      this.pos += arrow.length;
      field.json.push({ arrow, key: this.readName(true) });
    }
    let cast: string | null = null;
    if (this.text.startsWith('::', this.pos)) {
      this.pos += 2;
      const start = this.pos;
      while (this.pos < this.text.length && /[A-Za-z0-9_ [\]]/.test(this.text[this.pos] ?? ''))
        this.pos += 1;
      cast = this.text.slice(start, this.pos).trim();
      if (castType(cast) === null) this.fail(`invalid cast "${cast}": name one type, e.g. ::text`);
    }
    return { kind: 'field', alias, field, cast };
  }

  /** Reads a bare name (letters, digits, `_`, `$`, spaces inside) or a `"quoted"` one. */
  private readName(jsonKey = false): string {
    this.skipSpaces();
    if (this.peek() === '"') {
      let out = '';
      this.pos += 1;
      while (this.pos < this.text.length && this.text[this.pos] !== '"') {
        if (this.text[this.pos] === '\\') this.pos += 1;
        out += this.text[this.pos] ?? '';
        this.pos += 1;
      }
      if (this.peek() !== '"') this.fail('unterminated quoted name');
      this.pos += 1;
      return out;
    }
    const start = this.pos;
    const allowed = jsonKey ? /[\p{L}\p{N}_$ -]/u : /[\p{L}\p{N}_$ ]/u;
    while (this.pos < this.text.length && allowed.test(this.text[this.pos] ?? '')) {
      if (this.text.startsWith('->', this.pos)) break;
      this.pos += 1;
    }
    const name = this.text.slice(start, this.pos).trim();
    if (name === '')
      this.fail(
        this.pos < this.text.length
          ? `unexpected "${this.text[this.pos]}"`
          : 'unexpected end of input',
      );
    return name;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos += 1;
  }

  private fail(reason: string): never {
    throw parseError(
      `failed to parse select parameter (${this.text})`,
      `${reason} at position ${this.pos}`,
    );
  }
}
