import { QasmError } from './error.ts';

export type TokenKind = 'id' | 'number' | 'string' | 'symbol' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  column: number;
}

const SYMBOLS = ['->', '==', ';', ',', '(', ')', '[', ']', '{', '}', '+', '-', '*', '/', '^'];
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

function describeChar(ch: string): string {
  if (ch === '"') return 'a quote';
  const code = ch.codePointAt(0) ?? 0;
  return code < 32 ? `a control character (code ${code})` : `'${ch}'`;
}

/** Splits OpenQASM source into tokens, skipping whitespace and `//` and `/* … *\/` comments. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  const col = (at: number): number => at - lineStart + 1;
  while (pos < source.length) {
    const ch = source[pos]!;
    if (ch === '\n') {
      pos++;
      line++;
      lineStart = pos;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\uFEFF') {
      pos++;
      continue;
    }
    if (source.startsWith('//', pos)) {
      const end = source.indexOf('\n', pos);
      pos = end < 0 ? source.length : end;
      continue;
    }
    if (source.startsWith('/*', pos)) {
      const end = source.indexOf('*/', pos + 2);
      if (end < 0) throw new QasmError('This comment is never closed: add "*/"', line, col(pos));
      for (let i = pos; i < end; i++) {
        if (source[i] === '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      pos = end + 2;
      continue;
    }
    const start = pos;
    if (ch === '"') {
      const end = source.indexOf('"', pos + 1);
      const newline = source.indexOf('\n', pos + 1);
      if (end < 0 || (newline >= 0 && newline < end)) {
        throw new QasmError('This text string is never closed: add a closing "', line, col(start));
      }
      tokens.push({ kind: 'string', text: source.slice(pos + 1, end), line, column: col(start) });
      pos = end + 1;
      continue;
    }
    NUMBER.lastIndex = pos;
    if (/[0-9.]/.test(ch) && NUMBER.test(source)) {
      tokens.push({
        kind: 'number',
        text: source.slice(pos, NUMBER.lastIndex),
        line,
        column: col(start),
      });
      pos = NUMBER.lastIndex;
      continue;
    }
    IDENT.lastIndex = pos;
    if (IDENT.test(source)) {
      tokens.push({
        kind: 'id',
        text: source.slice(pos, IDENT.lastIndex),
        line,
        column: col(start),
      });
      pos = IDENT.lastIndex;
      continue;
    }
    const symbol = SYMBOLS.find((s) => source.startsWith(s, pos));
    if (symbol === undefined) {
      const bad = String.fromCodePoint(source.codePointAt(pos) ?? 0);
      throw new QasmError(`Unexpected character ${describeChar(bad)}`, line, col(start));
    }
    tokens.push({ kind: 'symbol', text: symbol, line, column: col(start) });
    pos += symbol.length;
  }
  tokens.push({ kind: 'eof', text: '', line, column: col(pos) });
  return tokens;
}
