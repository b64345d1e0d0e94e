// `[storage] file_size_limit` of supabase/config.toml: the largest upload any bucket accepts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseByteSize } from './limits.ts';

/** Supabase's default global limit. */
export const DEFAULT_FILE_SIZE_LIMIT = 50 * 1024 * 1024;

export function readGlobalFileSizeLimit(projectRoot: string): number {
  const file = path.join(projectRoot, 'supabase', 'config.toml');
  if (!existsSync(file)) return DEFAULT_FILE_SIZE_LIMIT;
  const toml = parseToml(readFileSync(file, 'utf8')) as { storage?: { file_size_limit?: unknown } };
  try {
    return (
      parseByteSize(toml.storage?.file_size_limit, 'storage.file_size_limit') ??
      DEFAULT_FILE_SIZE_LIMIT
    );
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}
