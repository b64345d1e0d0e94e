import { isLuhnValid } from './luhn.ts';

export const REDACTED = '[REDACTED]';
export const CIRCULAR = '[Circular]';
export const TRUNCATED = '[Truncated]';

/**
 * Matched against the key lower-cased with separators removed, so `access_token`, `X-Api-Key`,
 * `Set-Cookie` and `clientSecret` all hit. Over-matching (e.g. `tokenType`) is the safe direction.
 */
const SENSITIVE_KEY =
  /password|passwd|passphrase|secret|token|authori[sz]ation|cookie|jwt|cvv|cvc|cardnumber|creditcard|(?:api|private|access|service|servicerole|anon|signing|encryption|master|client|session|license|ssh)key/;

// Three base64url segments whose first two start with `eyJ` (base64 of `{"`).
const JWT = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
// 13-19 digits, optionally grouped by spaces or dashes, standing on their own: not glued to
// letters, digits or a dashed continuation, so the digit groups inside a UUID
// (508e3141-6308-4352-9122-c7cf…, Luhn-valid by chance) are never taken for a card.
const CARD_CANDIDATE = /(?<![0-9A-Za-z-])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z]|-[0-9A-Za-z])/g;

export interface RedactOptions {
  /** Further key names (matched case-insensitively, separators ignored) or patterns to redact. */
  keys?: readonly (string | RegExp)[];
  /** Nesting depth after which values are replaced by "[Truncated]". Default 12. */
  maxDepth?: number;
}

const normaliseKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** True when a property name looks like it holds a credential. */
export function isSensitiveKey(key: string, extra: readonly (string | RegExp)[] = []): boolean {
  const normalised = normaliseKey(key);
  if (SENSITIVE_KEY.test(normalised)) return true;
  return extra.some((pattern) =>
    typeof pattern === 'string' ? normalised === normaliseKey(pattern) : pattern.test(key),
  );
}

/** Replaces JWTs and Luhn-valid card numbers inside free text. */
export function scrubString(text: string): string {
  return text.replace(JWT, REDACTED).replace(CARD_CANDIDATE, (match) => {
    const digits = match.replace(/[ -]/g, '');
    return digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits) ? REDACTED : match;
  });
}

const isError = (value: object): value is Error =>
  value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';

type Walk = (value: unknown, depth: number) => unknown;

/**
 * Returns a JSON-safe deep copy of `value` with secrets replaced by "[REDACTED]". Never mutates the
 * input; cycles become "[Circular]"; Errors become `{name, message, stack, cause?, ...own fields}`.
 */
export function createRedactor(options: RedactOptions = {}): (value: unknown) => unknown {
  const extraKeys = options.keys ?? [];
  const maxDepth = options.maxDepth ?? 12;
  // Only the objects on the current path: a shared, non-cyclic reference is copied, not flagged.
  const ancestors = new WeakSet<object>();

  const copyEntries = (
    entries: Iterable<[string, unknown]>,
    depth: number,
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, child] of entries) {
      out[key] = isSensitiveKey(key, extraKeys) ? REDACTED : walk(child, depth + 1);
    }
    return out;
  };

  const ownEntries = function* (value: object): Generator<[string, unknown]> {
    for (const key of Object.keys(value)) {
      let child: unknown;
      try {
        child = (value as Record<string, unknown>)[key];
      } catch {
        child = '[Unreadable]'; // a throwing getter must not break logging
      }
      yield [key, child];
    }
  };

  const serialiseError = (error: Error, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {
      name: scrubString(String(error.name)),
      message: scrubString(String(error.message)),
    };
    if (typeof error.stack === 'string') out.stack = scrubString(error.stack);
    if (error.cause !== undefined) out.cause = walk(error.cause, depth + 1);
    if (typeof AggregateError !== 'undefined' && error instanceof AggregateError) {
      out.errors = walk(error.errors, depth + 1);
    }
    const rest = copyEntries(
      [...ownEntries(error)].filter(([key]) => !(key in out)),
      depth,
    );
    return { ...out, ...rest };
  };

  const walkObject = (value: object, depth: number): unknown => {
    if (isError(value)) return serialiseError(value, depth);
    if (value instanceof Date)
      return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    if (value instanceof Map) {
      return copyEntries(
        [...value.entries()].map(([key, child]) => [String(key), child] as [string, unknown]),
        depth,
      );
    }
    if (value instanceof Set) return [...value].map((item) => walk(item, depth + 1));
    if (typeof Headers !== 'undefined' && value instanceof Headers)
      return copyEntries(value.entries(), depth);
    if (ArrayBuffer.isView(value)) return `[${value.constructor.name}(${value.byteLength})]`;
    if (value instanceof ArrayBuffer) return `[ArrayBuffer(${value.byteLength})]`;
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      const json: unknown = toJSON.call(value);
      if (json !== value) return walk(json, depth);
    }
    return copyEntries(ownEntries(value), depth);
  };

  const walk: Walk = (value, depth) => {
    switch (typeof value) {
      case 'string':
        return scrubString(value);
      case 'bigint':
        return value.toString();
      case 'symbol':
        return value.toString();
      case 'function':
        return `[Function ${value.name || 'anonymous'}]`;
      case 'object': {
        if (value === null) return null;
        if (ancestors.has(value)) return CIRCULAR;
        if (depth >= maxDepth) return TRUNCATED;
        ancestors.add(value);
        try {
          return walkObject(value, depth);
        } finally {
          ancestors.delete(value);
        }
      }
      default:
        return value; // number, boolean, undefined
    }
  };

  return (value) => walk(value, 0);
}

/** Redacts with the default rules; see {@link createRedactor}. */
export const redact: (value: unknown) => unknown = createRedactor();

/** An Error (or any thrown value) as a plain, redacted object: name, message, stack and cause. */
export function serializeError(error: unknown): unknown {
  return redact(error);
}
