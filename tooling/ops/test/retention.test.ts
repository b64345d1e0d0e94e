import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DATABASE_FILE,
  readManifest,
  STORAGE_DIR,
  writeManifest,
  type Manifest,
} from '../src/manifest.ts';
import { DEFAULT_RETENTION, listBackups, pruneBackups } from '../src/retention.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
let root: string;

async function fakeBackup(ageDays: number): Promise<string> {
  const createdAt = new Date(NOW.getTime() - ageDays * DAY);
  const dir = path.join(root, createdAt.toISOString().replace(/[:.]/g, '-'));
  await mkdir(path.join(dir, STORAGE_DIR, 'bucket'), { recursive: true });
  await writeFile(path.join(dir, DATABASE_FILE), 'dump');
  await writeFile(path.join(dir, STORAGE_DIR, 'bucket', 'object'), 'bytes');
  const manifest: Manifest = {
    format: 1,
    createdAt: createdAt.toISOString(),
    source: 'postgresql://db.example:5432/postgres',
    durationMs: 1,
    tools: { pgDump: 'pg_dump 15', server: '15', node: 'v20' },
    migrations: ['20250101000000'],
    database: { file: DATABASE_FILE, bytes: 4, sha256: 'x', tables: [] },
    storage: { objects: 1, bytes: 5, files: [] },
  };
  await writeManifest(dir, manifest);
  return dir;
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'retention-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('backup retention', () => {
  it('keeps database dumps 7 days and objects 30 days by default', async () => {
    const fresh = await fakeBackup(1);
    const weekOld = await fakeBackup(8);
    const monthOld = await fakeBackup(31);
    await fakeBackup(0);
    const result = await pruneBackups(root, DEFAULT_RETENTION, NOW);
    expect(result.databasePruned.sort()).toEqual([weekOld, monthOld].sort());
    expect(result.storagePruned).toEqual([monthOld]);
    expect(result.removed).toEqual([monthOld]);
    expect((await readManifest(fresh)).database).not.toBeNull();
    const kept = await readManifest(weekOld);
    expect(kept.database).toBeNull();
    expect(kept.storage).not.toBeNull();
    expect(await readdir(weekOld)).not.toContain(DATABASE_FILE);
  });

  it('never deletes the newest backup, however old', async () => {
    const only = await fakeBackup(400);
    const result = await pruneBackups(root, DEFAULT_RETENTION, NOW);
    expect(result.removed).toEqual([]);
    expect(await listBackups(root)).toEqual([only]);
    expect((await readManifest(only)).database).not.toBeNull();
  });

  it('honours a shorter or longer retention when asked', async () => {
    const twoDays = await fakeBackup(2);
    await fakeBackup(0);
    expect((await pruneBackups(root, { databaseDays: 1, storageDays: 1 }, NOW)).removed).toEqual([
      twoDays,
    ]);
    const old = await fakeBackup(20);
    await pruneBackups(root, { databaseDays: 60, storageDays: 60 }, NOW);
    expect((await readManifest(old)).database).not.toBeNull();
  });

  it('lists only folders that hold a manifest, oldest first', async () => {
    const older = await fakeBackup(3);
    const newer = await fakeBackup(1);
    await mkdir(path.join(root, 'not-a-backup'));
    expect(await listBackups(root)).toEqual([older, newer]);
  });
});
