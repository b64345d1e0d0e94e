// The environment every function needs, validated once at start so a misconfigured deploy
// fails loudly with the names of the missing variables instead of on the first request.
import { parseLogLevel, type LogLevel } from '@alawein/logger';

export interface FunctionEnv {
  supabaseUrl: string;
  supabaseAnonKey: string;
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
    logLevel: parseLogLevel(read('LOG_LEVEL')) ?? 'info',
  };
}
