// Request headers PostgREST reads: Prefer, Range, Accept and the schema profiles.
import { RestError } from './errors.ts';

export interface Preferences {
  return: 'minimal' | 'representation' | 'headers-only' | null;
  count: 'exact' | 'planned' | 'estimated' | null;
  resolution: 'merge-duplicates' | 'ignore-duplicates' | null;
  missing: 'default' | 'null' | null;
  tx: 'commit' | 'rollback' | null;
  handling: 'lenient' | 'strict' | null;
  /** `max-affected=N`: with `handling=strict`, a write touching more rows fails (PGRST124). */
  maxAffected: number | null;
}

const ALLOWED: Record<Exclude<keyof Preferences, 'maxAffected'>, readonly string[]> = {
  return: ['minimal', 'representation', 'headers-only'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  tx: ['commit', 'rollback'],
  handling: ['lenient', 'strict'],
};

/** Parses every `Prefer` header (comma-separated `key=value`); unknown preferences are ignored, like PostgREST's lenient mode. */
export function parsePrefer(header: string | undefined): Preferences {
  const prefs: Preferences = {
    return: null,
    count: null,
    resolution: null,
    missing: null,
    tx: null,
    handling: null,
    maxAffected: null,
  };
  for (const part of (header ?? '').split(',')) {
    const [rawKey, rawValue] = part.split('=', 2).map((s) => s.trim());
    if (rawKey === 'max-affected' && rawValue !== undefined && /^\d+$/.test(rawValue)) {
      prefs.maxAffected = Number(rawValue);
      continue;
    }
    const key = rawKey as keyof typeof ALLOWED;
    if (rawValue !== undefined && key in ALLOWED && ALLOWED[key].includes(rawValue)) {
      (prefs as unknown as Record<string, string>)[key] = rawValue;
    }
  }
  return prefs;
}

/** The `Preference-Applied` header value for the preferences that were honoured. */
export function appliedPreferences(prefs: Preferences): string {
  return Object.entries(prefs)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `${key === 'maxAffected' ? 'max-affected' : key}=${String(value)}`)
    .join(', ');
}

/** `Range: 0-24` → offset 0, limit 25; `Range: 10-` → offset 10. */
export function parseRange(
  header: string | undefined,
): { offset: number; limit: number | null } | null {
  if (header === undefined || header.trim() === '') return null;
  const match = /^(?:items=)?\s*(\d+)-(\d*)\s*$/.exec(header.trim());
  if (!match) return null;
  const offset = Number(match[1]);
  if (match[2] === '' || match[2] === undefined) return { offset, limit: null };
  const end = Number(match[2]);
  if (end < offset) {
    throw new RestError(416, 'PGRST103', 'Requested range not satisfiable', {
      details: `The range ${header} ends before it starts`,
    });
  }
  return { offset, limit: end - offset + 1 };
}

export type ResponseShape = 'array' | 'object';

/** Chooses the body shape from `Accept`; 406 PGRST107 for media types this server cannot produce. */
export function responseShape(accept: string | undefined): ResponseShape {
  if (accept === undefined || accept.trim() === '') return 'array';
  const types = accept.split(',').map((t) => (t.split(';')[0] ?? '').trim().toLowerCase());
  if (
    types.includes('application/vnd.pgrst.object+json') ||
    types.includes('application/vnd.pgrst.object')
  ) {
    return 'object';
  }
  const arrays = [
    'application/json',
    'application/vnd.pgrst.array+json',
    '*/*',
    'application/*',
    '',
  ];
  if (types.some((t) => arrays.includes(t))) return 'array';
  throw new RestError(406, 'PGRST107', `None of these media types are available: ${accept}`);
}

/** `Accept: ...;nulls=stripped` (supabase-js `stripNulls()`): drop null-valued keys. */
export function stripsNulls(accept: string | undefined): boolean {
  return /;\s*nulls=stripped/i.test(accept ?? '');
}

/** The schema a request targets; 406 PGRST106 unless it is exposed. */
export function requestSchema(profile: string | undefined, exposed: readonly string[]): string {
  const [fallback] = exposed;
  if (profile === undefined || profile.trim() === '') return fallback ?? 'public';
  const schema = profile.trim();
  if (!exposed.includes(schema)) {
    throw new RestError(
      406,
      'PGRST106',
      `The schema must be one of the following: ${exposed.join(', ')}`,
    );
  }
  return schema;
}
