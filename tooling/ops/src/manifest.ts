// The manifest written beside every backup: what it holds and how to check a restore of it.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TableFigures } from './inventory.ts';
import type { ObjectRecord } from './storage-objects.ts';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'database.dump';
export const STORAGE_DIR = 'storage';

export interface Manifest {
  format: 1;
  createdAt: string;
  /** Host, port and database of the source (no credentials). */
  source: string;
  durationMs: number;
  tools: { pgDump: string; server: string; node: string };
  /** Migration versions the source had; a restore target must have the same. */
  migrations: string[];
  database: { file: string; bytes: number; sha256: string; tables: TableFigures[] } | null;
  storage: { objects: number; bytes: number; files: ObjectRecord[] } | null;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(dir: string): Promise<Manifest> {
  const text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch(() => {
    throw new Error(`${dir} is not a backup: ${MANIFEST_FILE} is missing`);
  });
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== 1)
    throw new Error(`${dir}: unsupported manifest format ${String(manifest.format)}`);
  return manifest;
}
