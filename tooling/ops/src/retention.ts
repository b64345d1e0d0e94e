// Retention as the Infrastructure Guide sets it: database dumps for 7 days, stored objects for
// 30 days. The newest backup is never touched, whatever its age, so there is always one.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DATABASE_FILE, readManifest, STORAGE_DIR, writeManifest } from './manifest.ts';

export const DEFAULT_RETENTION = { databaseDays: 7, storageDays: 30 } as const;

export interface Retention {
  databaseDays: number;
  storageDays: number;
}

export interface PruneResult {
  /** Backups whose database dump was removed. */
  databasePruned: string[];
  /** Backups whose objects were removed. */
  storagePruned: string[];
  /** Backups removed entirely (nothing left in them). */
  removed: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Backup folders under `root` (those with a manifest), oldest first. */
export async function listBackups(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const dirs: { dir: string; createdAt: string }[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(root, entry.name);
    const manifest = await readManifest(dir).catch(() => undefined);
    if (manifest) dirs.push({ dir, createdAt: manifest.createdAt });
  }
  return dirs.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((entry) => entry.dir);
}

/** Applies the retention to every backup under `root` but the newest. */
export async function pruneBackups(
  root: string,
  retention: Retention,
  now: Date = new Date(),
): Promise<PruneResult> {
  const result: PruneResult = { databasePruned: [], storagePruned: [], removed: [] };
  const backups = await listBackups(root);
  for (const dir of backups.slice(0, -1)) {
    const manifest = await readManifest(dir);
    const ageMs = now.getTime() - Date.parse(manifest.createdAt);
    let changed = false;
    if (manifest.database && ageMs > retention.databaseDays * DAY_MS) {
      await rm(path.join(dir, DATABASE_FILE), { force: true });
      manifest.database = null;
      result.databasePruned.push(dir);
      changed = true;
    }
    if (manifest.storage && ageMs > retention.storageDays * DAY_MS) {
      await rm(path.join(dir, STORAGE_DIR), { recursive: true, force: true });
      manifest.storage = null;
      result.storagePruned.push(dir);
      changed = true;
    }
    if (!manifest.database && !manifest.storage) {
      await rm(dir, { recursive: true, force: true });
      result.removed.push(dir);
    } else if (changed) {
      await writeManifest(dir, manifest);
    }
  }
  return result;
}
