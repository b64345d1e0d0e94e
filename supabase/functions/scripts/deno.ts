// Type-checks every function with Deno, or runs their Deno tests against a local stack started
// for the run (or the stack named by SUPABASE_TEST_URL, see @alawein/local-supabase/testing).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestStack } from '@alawein/local-supabase/testing';

const functionsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const denoBin = path.join(
  path.dirname(createRequire(import.meta.url).resolve('deno/package.json')),
  'deno',
);

const functionNames = readdirSync(functionsDir, { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() &&
      !entry.name.startsWith('_') &&
      !['scripts', 'node_modules'].includes(entry.name),
  )
  .filter((entry) => existsSync(path.join(functionsDir, entry.name, 'index.ts')))
  .map((entry) => entry.name);

function deno(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(denoBin, args, {
      cwd: functionsDir,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function check(): Promise<number> {
  for (const name of functionNames) {
    const code = await deno(['check', '--config', `${name}/deno.json`, `${name}/index.ts`]);
    if (code !== 0) return code;
  }
  return 0;
}

async function test(): Promise<number> {
  const stack = await startTestStack();
  try {
    for (const name of functionNames) {
      const code = await deno(
        [
          'test',
          '--config',
          `${name}/deno.json`,
          '--allow-net',
          '--allow-env',
          '--allow-read',
          process.env.DENO_TEST_FILTER ?? name,
        ],
        {
          SUPABASE_URL: stack.url,
          SUPABASE_ANON_KEY: stack.anonKey,
          SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
          ...(stack.dbUrl ? { SUPABASE_DB_URL: stack.dbUrl } : {}),
          LOG_LEVEL: 'warn',
        },
      );
      if (code !== 0) return code;
    }
    return 0;
  } finally {
    await stack.stop();
  }
}

const command = process.argv[2];
process.exitCode = command === 'check' ? await check() : command === 'test' ? await test() : 2;
