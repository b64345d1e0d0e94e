// Creates database clusters. A fresh cluster (initdb + bootstrap + migrations + seed) is built once
// per fingerprint into a template under the OS temp folder and then copied, which turns the
// second and later cold starts (every test run, every reset) from seconds into a file copy.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../free-port.ts';
import { applyBootstrap, applyMigrations, applySeed, databaseFingerprint } from './migrate.ts';
import {
  handToPostgresUser,
  initCluster,
  isCluster,
  postgresVersion,
  startPostgres,
} from './postgres.ts';

const execFileAsync = promisify(execFile);
const TEMPLATES_KEPT = 8;

/** Per OS user: a template built by root belongs to `postgres` and is unreadable to others. */
export function templatesRoot(): string {
  return path.join(tmpdir(), `local-supabase-templates-${userInfo().uid}`);
}

export function superuserUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
}

/** Bootstraps, migrates and seeds a cluster that is running on `port`. */
async function populate(port: number, projectRoot: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl(port) });
  await client.connect();
  try {
    await applyBootstrap(client);
    await applyMigrations(client, projectRoot);
    await applySeed(client, projectRoot);
  } finally {
    await client.end();
  }
}

/** Builds a fully populated cluster in `clusterDir` (initdb, start on a free port, populate, stop). */
async function buildCluster(clusterDir: string, projectRoot: string): Promise<void> {
  await initCluster(clusterDir);
  const server = await startPostgres({ clusterDir, port: await freePort(), ephemeral: true });
  try {
    await populate(server.port, projectRoot);
  } finally {
    await server.stop();
  }
}

async function pruneTemplates(keep: string): Promise<void> {
  const root = templatesRoot();
  const entries = await Promise.all(
    (await readdir(root)).map(async (name) => ({
      name,
      mtime: (await stat(path.join(root, name))).mtimeMs,
    })),
  );
  const stale = entries
    .filter((entry) => entry.name !== keep && !entry.name.includes('.tmp-'))
    .sort((a, b) => b.mtime - a.mtime)
    .slice(TEMPLATES_KEPT - 1);
  await Promise.all(
    stale.map((entry) => rm(path.join(root, entry.name), { recursive: true, force: true })),
  );
}

/** Returns the template for the project's current fingerprint, building it when missing. */
async function ensureTemplate(projectRoot: string): Promise<string> {
  const key = await databaseFingerprint(projectRoot, await postgresVersion());
  const template = path.join(templatesRoot(), key);
  if (isCluster(template)) return template;
  await mkdir(templatesRoot(), { recursive: true });
  const staging = `${template}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await buildCluster(staging, projectRoot);
    await rename(staging, template).catch((error: NodeJS.ErrnoException) => {
      // Another process published the same template first; theirs is identical.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  await pruneTemplates(key).catch(() => undefined);
  return template;
}

export interface CreateClusterOptions {
  /** Copy from (and fill) the template cache; false builds from scratch (benchmarks of a true cold start). */
  useTemplate?: boolean;
}

/** Creates a new, populated cluster at `clusterDir`, which must not exist yet. */
export async function createCluster(
  clusterDir: string,
  projectRoot: string,
  options: CreateClusterOptions = {},
): Promise<void> {
  await mkdir(path.dirname(clusterDir), { recursive: true });
  if (options.useTemplate === false) {
    await buildCluster(clusterDir, projectRoot);
    return;
  }
  const template = await ensureTemplate(projectRoot);
  // cp -a keeps the owner (the postgres OS user when we run as root) and the 0700 mode.
  await execFileAsync('cp', ['-a', template, clusterDir]);
  await handToPostgresUser(clusterDir);
}
