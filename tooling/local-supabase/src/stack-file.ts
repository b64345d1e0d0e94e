// `<dataDir>/stack.json`: which process runs the stack of a data dir, so `stop`, `reset` and a
// second `start` can find it, and a PostgreSQL left behind by a killed stack can be recognised.
import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface StackFile {
  pid: number;
  apiUrl: string;
  apiPort: number;
  dbPort: number;
  startedAt: string;
  /** Incremented by each completed `reset`, so the CLI can wait for one. */
  resets: number;
  /** Set when the last reset failed. */
  error?: string;
}

export function stackFilePath(dataDir: string): string {
  return path.join(dataDir, 'stack.json');
}

export function readStackFile(dataDir: string): StackFile | undefined {
  const file = stackFilePath(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StackFile;
  } catch {
    return undefined;
  }
}

/**
 * Claims the data dir for this process: fails when a live process already owns it (checked and
 * written atomically, so two stacks started together cannot both pass).
 */
export async function claimStackFile(dataDir: string, content: StackFile): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(stackFilePath(dataDir), `${JSON.stringify(content, null, 2)}\n`, {
        flag: 'wx',
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readStackFile(dataDir);
      if (owner && owner.pid !== content.pid && isAlive(owner.pid)) {
        throw new Error(
          `a stack already runs from ${dataDir} (pid ${owner.pid}, API ${owner.apiUrl})`,
          {
            cause: error,
          },
        );
      }
      // Left behind by a stack that died: take it over.
      await rm(stackFilePath(dataDir), { force: true });
    }
  }
  throw new Error(`could not claim ${stackFilePath(dataDir)}`);
}

export async function writeStackFile(dataDir: string, content: StackFile): Promise<void> {
  await writeFile(stackFilePath(dataDir), `${JSON.stringify(content, null, 2)}\n`);
}

export async function removeStackFile(dataDir: string, pid: number): Promise<void> {
  if (readStackFile(dataDir)?.pid === pid) await rm(stackFilePath(dataDir), { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a cluster's postmaster.pid when that process still runs. */
export function runningPostmaster(clusterDir: string): number | undefined {
  const file = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/** Waits until `pid` has exited, up to `timeoutMs`; returns whether it did. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
