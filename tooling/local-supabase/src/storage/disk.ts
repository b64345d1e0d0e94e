// Object bytes on disk: `<dataDir>/storage/<bucket>/<name>/<version>`. Every write lands in
// `.tmp/` first and is renamed into place only once its row is written, so a failure leaves
// neither a row without a file nor a file without a row. The version folder level lets an
// object `a` and an object `a/b` coexist and lets an overwrite commit without touching the
// previous bytes until the new row is durable.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { storageErrors } from './errors.ts';

export interface StagedFile {
  tempPath: string;
  size: number;
  /** Hex MD5 of the bytes: Supabase's eTag. */
  md5: string;
}

class SizeLimitExceeded extends Error {}

export class ObjectDisk {
  readonly root: string;
  private readonly tempDir: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'storage');
    this.tempDir = path.join(this.root, '.tmp');
  }

  /** Where a committed version lives. Names are validated before they get here. */
  objectPath(bucket: string, name: string, version: string): string {
    const resolved = path.resolve(this.root, bucket, name, version);
    // Belt and braces: validation already refused `..`, but the disk layer must never escape.
    if (!resolved.startsWith(this.root + path.sep))
      throw storageErrors.invalidKey(name, 'escapes the bucket');
    return resolved;
  }

  bucketPath(bucket: string): string {
    return path.join(this.root, bucket);
  }

  /** Streams `source` into a temp file, failing with 413 past `maxBytes` (the file is removed). */
  async stage(source: Readable, maxBytes: number): Promise<StagedFile> {
    await mkdir(this.tempDir, { recursive: true });
    const tempPath = path.join(this.tempDir, randomUUID());
    const hash = createHash('md5');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) return callback(new SizeLimitExceeded());
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tempPath));
    } catch (error) {
      await rm(tempPath, { force: true });
      if (error instanceof SizeLimitExceeded) throw storageErrors.entityTooLarge(maxBytes);
      throw error;
    }
    return { tempPath, size, md5: hash.digest('hex') };
  }

  /** Copies a committed version to a temp file (for object copy). */
  async stageCopy(from: string): Promise<string> {
    await mkdir(this.tempDir, { recursive: true });
    const tempPath = path.join(this.tempDir, randomUUID());
    await copyFile(from, tempPath);
    return tempPath;
  }

  /** Moves a staged or existing file to `target`, creating folders as needed. */
  async place(from: string, target: string): Promise<void> {
    await mkdir(path.dirname(target), { recursive: true });
    await rename(from, target);
  }

  /** Removes a file and the folders it leaves empty (up to the bucket). Never throws. */
  async remove(file: string): Promise<void> {
    await rm(file, { force: true }).catch(() => undefined);
    let dir = path.dirname(file);
    while (dir.startsWith(this.root + path.sep) && path.dirname(dir) !== this.root) {
      try {
        await rmdir(dir);
      } catch {
        return;
      }
      dir = path.dirname(dir);
    }
  }

  async clearTemp(): Promise<void> {
    await rm(this.tempDir, { recursive: true, force: true });
  }

  async discardTemp(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true }).catch(() => undefined);
  }

  /** Removes every stored object's bytes (the database they belonged to is gone). */
  async removeAll(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }

  async removeBucket(bucket: string): Promise<void> {
    await rm(this.bucketPath(bucket), { recursive: true, force: true });
  }

  async size(file: string): Promise<number | undefined> {
    try {
      return (await stat(file)).size;
    } catch {
      return undefined;
    }
  }

  read(file: string, range?: { start: number; end: number }): Readable {
    return createReadStream(file, range);
  }
}
