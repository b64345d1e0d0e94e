// Object bytes for backups: read through the Storage API with the service-role key (so the same
// code backs up hosted and local projects) and written back where the target keeps them.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StoredObject } from './inventory.ts';
import type { Target } from './target.ts';

export interface ObjectRecord extends StoredObject {
  /** Path of the bytes inside the backup's storage folder. */
  file: string;
  size: number;
  sha256: string;
}

const CONCURRENCY = 8;

function objectUrl(target: Target, bucket: string, name: string): string {
  const encoded = name.split('/').map(encodeURIComponent).join('/');
  return `${target.apiUrl}/storage/v1/object/${encodeURIComponent(bucket)}/${encoded}`;
}

function authHeaders(target: Target): Record<string, string> {
  return { apikey: target.serviceRoleKey, authorization: `Bearer ${target.serviceRoleKey}` };
}

/** Runs `work` over `items` with at most CONCURRENCY in flight. */
export async function forEachLimited<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

/** Downloads every object into `storageDir/<bucket>/<name>` and returns what was saved. */
export async function downloadObjects(
  target: Target,
  objects: readonly StoredObject[],
  storageDir: string,
): Promise<ObjectRecord[]> {
  const records: ObjectRecord[] = [];
  await forEachLimited(objects, async (object) => {
    const response = await fetch(objectUrl(target, object.bucket, object.name), {
      headers: authHeaders(target),
    });
    if (!response.ok)
      throw new Error(
        `download of ${object.bucket}/${object.name} failed: HTTP ${response.status}`,
      );
    const bytes = Buffer.from(await response.arrayBuffer());
    const file = path.join(object.bucket, object.name);
    const destination = path.join(storageDir, file);
    if (!destination.startsWith(path.resolve(storageDir) + path.sep)) {
      throw new Error(`object name escapes the backup folder: ${object.bucket}/${object.name}`);
    }
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, bytes);
    records.push({ ...object, file, size: bytes.byteLength, sha256: sha256(bytes) });
  });
  return records.sort((a, b) => a.file.localeCompare(b.file));
}

/** Puts every object back through the Storage API (overwriting), as the service role. */
export async function uploadObjects(
  target: Target,
  records: readonly ObjectRecord[],
  storageDir: string,
): Promise<void> {
  await forEachLimited(records, async (record) => {
    const bytes = await readFile(path.join(storageDir, record.file));
    const response = await fetch(objectUrl(target, record.bucket, record.name), {
      method: 'POST',
      headers: {
        ...authHeaders(target),
        'content-type': record.contentType ?? 'application/octet-stream',
        'x-upsert': 'true',
      },
      body: bytes,
    });
    if (!response.ok) {
      throw new Error(
        `upload of ${record.bucket}/${record.name} failed: HTTP ${response.status} ${await response.text()}`,
      );
    }
  });
}

/** Objects whose bytes, read back through the API, differ from the backup's (or are missing). */
export async function verifyObjects(
  target: Target,
  records: readonly ObjectRecord[],
): Promise<string[]> {
  const problems: string[] = [];
  await forEachLimited(records, async (record) => {
    const response = await fetch(objectUrl(target, record.bucket, record.name), {
      headers: authHeaders(target),
    });
    if (!response.ok) {
      problems.push(`${record.bucket}/${record.name}: HTTP ${response.status}`);
      return;
    }
    const digest = sha256(Buffer.from(await response.arrayBuffer()));
    if (digest !== record.sha256)
      problems.push(`${record.bucket}/${record.name}: checksum differs`);
  });
  return problems.sort();
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** sha256 of a file, streamed (dumps can be large). */
export function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
