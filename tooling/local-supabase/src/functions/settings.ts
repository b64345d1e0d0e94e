// What the project says about its functions: which folders are functions, `verify_jwt`/`enabled`
// from supabase/config.toml's `[functions.<name>]`, and variables from supabase/functions/.env.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { parse as parseToml } from 'smol-toml';
import { z } from 'zod';

/** Folder names that may be functions: Supabase allows letters, digits, `-` and `_`. */
const FUNCTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const ENTRY_FILES = ['index.ts', 'index.js', 'index.mts', 'index.mjs', 'index.tsx', 'index.jsx'];
const DENO_CONFIG_FILES = ['deno.json', 'deno.jsonc'];

const functionSettingsSchema = z.object({
  verify_jwt: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
const configSchema = z
  .object({ functions: z.record(z.string(), functionSettingsSchema.loose()).optional() })
  .loose();

export interface FunctionSettings {
  verifyJwt: boolean;
  enabled: boolean;
}

/** Reads `[functions.*]` of supabase/config.toml; a malformed file is an error naming the key. */
export function readFunctionSettings(projectRoot: string): Map<string, FunctionSettings> {
  const file = path.join(projectRoot, 'supabase', 'config.toml');
  const settings = new Map<string, FunctionSettings>();
  if (!existsSync(file)) return settings;
  const parsed = configSchema.safeParse(parseToml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`);
  }
  for (const [name, entry] of Object.entries(parsed.data.functions ?? {})) {
    settings.set(name, { verifyJwt: entry.verify_jwt ?? true, enabled: entry.enabled ?? true });
  }
  return settings;
}

/** Variables from supabase/functions/.env; names starting with SUPABASE_ are reserved and skipped. */
export function readFunctionsDotEnv(functionsDir: string): Record<string, string> {
  const file = path.join(functionsDir, '.env');
  if (!existsSync(file)) return {};
  const parsed = parseEnv(readFileSync(file, 'utf8'));
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && !entry[0].startsWith('SUPABASE_'),
    ),
  );
}

export interface FunctionSource {
  entry: string;
  configFile: string | undefined;
}

/** The entry file of function `name`, or undefined for shared folders (`_x`) and unknown names. */
export function locateFunction(functionsDir: string, name: string): FunctionSource | undefined {
  if (!FUNCTION_NAME.test(name)) return undefined;
  const dir = path.join(functionsDir, name);
  const entry = ENTRY_FILES.map((file) => path.join(dir, file)).find((file) => existsSync(file));
  if (!entry) return undefined;
  const configFile = DENO_CONFIG_FILES.map((file) => path.join(dir, file)).find((file) =>
    existsSync(file),
  );
  return { entry, configFile };
}
