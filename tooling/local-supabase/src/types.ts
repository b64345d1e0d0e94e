// `supabase gen types typescript` without Docker: the CLI runs @supabase/postgres-meta's type
// generator, and so do we, against the same database, so the output is the same file.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inheritedEnv } from './config.ts';

/** Default target: the one place the project's Database types live. */
export function defaultTypesFile(projectRoot: string): string {
  return path.join(projectRoot, 'packages', 'supabase-client', 'src', 'database.types.ts');
}

function postgresMetaServer(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@supabase/postgres-meta/package.json');
  return path.join(path.dirname(pkg), 'dist', 'server', 'server.js');
}

/** Prints the TypeScript `Database` type of `schemas` in the database at `dbUrl`. */
export function generateTypes(dbUrl: string, schemas: string[] = ['public']): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [postgresMetaServer()], {
      env: inheritedEnv({
        PG_META_GENERATE_TYPES: 'typescript',
        PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: schemas.join(','),
        PG_META_DB_URL: dbUrl,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && stdout.includes('export type Database')) resolve(stdout);
      else
        reject(
          new Error(
            `postgres-meta type generation failed (exit ${code}): ${stderr.trim() || stdout.trim()}`,
          ),
        );
    });
  });
}

/** Generates the types and writes them to `file`. */
export async function writeTypes(dbUrl: string, file: string, schemas?: string[]): Promise<void> {
  const types = await generateTypes(dbUrl, schemas);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, types);
}
