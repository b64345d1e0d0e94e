// The environment every function needs, validated once at start so a misconfigured deploy
// fails loudly with the names of the missing variables instead of on the first request.
import { parseLogLevel, type LogLevel } from '@alawein/logger';
import type { JSONWebKeySet } from 'jose';

export interface FunctionEnv {
  supabaseUrl: string;
  supabaseAnonKey: string;
  /** The database for direct connections (SUPABASE_DB_URL); unset in some test set-ups. */
  supabaseDbUrl: string | undefined;
  /**
   * The project's public JWT signing keys (SUPABASE_JWKS): access tokens signed with one of
   * them are verified in the function, without a call to Auth. Unset or empty: every token is
   * checked by Auth (projects still on the legacy HS256 secret, whose key is never published).
   */
  jwks: JSONWebKeySet | undefined;
  logLevel: LogLevel;
}

const REQUIRED = ['SUPABASE_URL', 'SUPABASE_ANON_KEY'] as const;

/** Reads and checks the variables hosted Supabase (and the local stack) provide. */
export function loadFunctionEnv(
  read: (name: string) => string | undefined = (name) => Deno.env.get(name),
): FunctionEnv {
  const missing = REQUIRED.filter((name) => !read(name));
  if (missing.length > 0) {
    throw new Error(
      `Missing environment variable(s): ${missing.join(', ')}. Hosted Supabase sets them for every function; ` +
        'locally the stack does (pnpm stack start). Extra variables go in supabase/functions/.env.',
    );
  }
  const url = read('SUPABASE_URL')!;
  try {
    new URL(url);
  } catch {
    throw new Error(`SUPABASE_URL is not a URL: ${url}`);
  }
  return {
    supabaseUrl: url,
    supabaseAnonKey: read('SUPABASE_ANON_KEY')!,
    supabaseDbUrl: read('SUPABASE_DB_URL') || undefined,
    jwks: parseJwks(read('SUPABASE_JWKS')),
    logLevel: parseLogLevel(read('LOG_LEVEL')) ?? 'info',
  };
}

/** SUPABASE_JWKS as a key set; throws naming the variable when it is not one. */
function parseJwks(text: string | undefined): JSONWebKeySet | undefined {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('SUPABASE_JWKS is not JSON: expected {"keys": [...]}');
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !Array.isArray(Reflect.get(parsed, 'keys'))
  ) {
    throw new Error('SUPABASE_JWKS is not a JSON Web Key Set: expected {"keys": [...]}');
  }
  const keys: unknown[] = Reflect.get(parsed, 'keys');
  const usable = keys.filter(isJwk);
  return usable.length > 0 ? { keys: usable } : undefined;
}

function isJwk(key: unknown): key is JSONWebKeySet['keys'][number] {
  return typeof key === 'object' && key !== null && typeof Reflect.get(key, 'kty') === 'string';
}
