// pg_dump, pg_restore and psql from the PostgreSQL 15+ client tools (Debian: postgresql-client-15).
// The password travels in PGPASSWORD, never on the command line where `ps` would show it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { childEnv, pathDirs } from './target.ts';

const execFileAsync = promisify(execFile);
const SEARCH_DIRS = [
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
];

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

/** The path of a client tool: a versioned Debian folder first, then PATH. */
export function pgToolPath(tool: PgTool): string {
  for (const dir of SEARCH_DIRS) {
    const candidate = path.join(dir, tool);
    if (existsSync(candidate)) return candidate;
  }
  for (const dir of pathDirs()) {
    const candidate = path.join(dir, tool);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `${tool} not found: install the PostgreSQL 15 client tools (apt-get install -y postgresql-client-15)`,
  );
}

/** Connection settings for libpq tools: everything but the password goes in arguments. */
export function connectionArgs(dbUrl: string): { args: string[]; env: Record<string, string> } {
  const url = new URL(dbUrl);
  const args = [
    '--host',
    url.hostname,
    '--port',
    url.port || '5432',
    '--username',
    decodeURIComponent(url.username || 'postgres'),
  ];
  const database = decodeURIComponent(url.pathname.replace(/^\//, '') || 'postgres');
  const env: Record<string, string> = { PGDATABASE: database };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return { args, env };
}

/** The first line of `<tool> --version`. */
export async function pgToolVersion(tool: PgTool): Promise<string> {
  const { stdout } = await execFileAsync(pgToolPath(tool), ['--version']);
  return stdout.trim();
}

/** Runs a tool to completion; rejects with its stderr (which never holds the password). */
export function runPgTool(tool: PgTool, args: string[], dbUrl?: string): Promise<void> {
  const child = spawnPgTool(tool, args, dbUrl, ['ignore', 'ignore', 'pipe']);
  return waitFor(child, tool);
}

/** Starts a tool with the given stdio, for piping one into another. */
export function spawnPgTool(
  tool: PgTool,
  args: string[],
  dbUrl: string | undefined,
  stdio: ('pipe' | 'ignore' | 'inherit')[],
): ChildProcess {
  const connection = dbUrl ? connectionArgs(dbUrl) : { args: [], env: {} };
  return spawn(pgToolPath(tool), [...connection.args, ...args], {
    stdio,
    env: childEnv(connection.env),
  });
}

/** Resolves when the process exits 0; rejects with the tail of its stderr otherwise. */
export function waitFor(child: ChildProcess, name: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${name} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}
