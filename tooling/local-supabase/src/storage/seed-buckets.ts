// config.toml's `[storage.buckets.<name>]` blocks, applied the way `supabase start`, `supabase db
// reset` and `supabase seed buckets` do: each bucket is created or has its settings updated, and
// every regular file under its `objects_path` is uploaded with upsert, named by its path relative
// to that folder. Goes through the storage service's own stores as service_role, so rows, bytes
// on disk and limits are exactly those of an upload through `/storage/v1`.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import mime from 'mime';
import type { RequestAuth, SeedBucket, StackContext } from '../context.ts';
import type { RequestScope } from '../db/request-transaction.ts';
import { BucketStore } from './buckets.ts';
import { ObjectDisk } from './disk.ts';
import { StorageError } from './errors.ts';
import { assertFits, bucketLimits } from './limits.ts';
import { assertValidKey } from './names.ts';
import { ObjectStore } from './objects.ts';
import { readGlobalFileSizeLimit } from './settings.ts';

/** storage-js's default, which the CLI sends too. */
const CACHE_CONTROL = 'max-age=3600';
/** Uploads in flight at once (the CLI uses 5; the machine is small). */
const CONCURRENCY = 4;

export interface SeedResult {
  buckets: number;
  objects: number;
}

/** Regular files under `root` (symlinks and other entries skipped, as the CLI's walk does). */
async function filesUnder(root: string): Promise<{ file: string; name: string }[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new Error(`objects_path ${root} does not exist`);
  if (info.isFile()) return [{ file: root, name: path.basename(root) }];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, name: path.relative(root, file).split(path.sep).join('/') };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/**
 * Creates or updates every bucket of `config.storageBuckets` and uploads its `objects_path`
 * (overwriting objects of the same name, so running it again changes nothing). Throws an error
 * naming the bucket and file when a file breaks the bucket's limits or cannot be read.
 */
export async function seedStorageBuckets(ctx: StackContext): Promise<SeedResult> {
  const seeds = ctx.config.storageBuckets ?? [];
  if (seeds.length === 0) return { buckets: 0, objects: 0 };
  const disk = new ObjectDisk(ctx.config.dataDir);
  const objects = new ObjectStore({
    apiPool: ctx.apiPool,
    adminPool: ctx.adminPool,
    disk,
    logger: ctx.logger,
  });
  const buckets = new BucketStore(objects);
  const globalLimit = readGlobalFileSizeLimit(ctx.config.projectRoot);
  const auth: RequestAuth = {
    role: 'service_role',
    claims: { role: 'service_role' },
    token: ctx.config.serviceRoleKey,
  };
  let uploaded = 0;
  for (const seed of seeds) {
    const scope = (method: string, route: string): RequestScope => ({
      auth,
      method,
      path: `/storage/v1/${route}`,
      headers: {},
    });
    try {
      await upsertBucket(buckets, seed, scope);
      if (!seed.objectsPath) continue;
      const limits = bucketLimits(await objects.bucket(seed.name), globalLimit);
      const files = await filesUnder(seed.objectsPath);
      await inBatches(files, CONCURRENCY, async ({ file, name }) => {
        try {
          assertValidKey(name);
          const contentType = mime.getType(file) ?? 'application/octet-stream';
          const staged = await disk.stage(createReadStream(file), limits.maxBytes);
          try {
            assertFits(staged.size, contentType, limits);
          } catch (error) {
            await disk.discardTemp(staged.tempPath);
            throw error;
          }
          await objects.put(
            scope('POST', `object/${seed.name}/${name}`),
            seed.name,
            name,
            { staged, contentType, cacheControl: CACHE_CONTROL, userMetadata: null },
            true,
          );
          uploaded += 1;
        } catch (error) {
          throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
        }
      });
    } catch (error) {
      throw new Error(
        `seeding [storage.buckets.${seed.name}] failed: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }
  return { buckets: seeds.length, objects: uploaded };
}

async function upsertBucket(
  buckets: BucketStore,
  seed: SeedBucket,
  scope: (method: string, route: string) => RequestScope,
): Promise<void> {
  const settings = {
    public: seed.public,
    file_size_limit: seed.fileSizeLimit,
    allowed_mime_types: seed.allowedMimeTypes,
  };
  // A migration may already have created the bucket: then config.toml's settings win, as with
  // the CLI (which seeds buckets after migrations).
  const exists = await buckets.get(scope('GET', `bucket/${seed.name}`), seed.name).then(
    () => true,
    (error: unknown) => {
      if (error instanceof StorageError && error.status === 404) return false;
      throw error;
    },
  );
  if (exists) await buckets.update(scope('PUT', `bucket/${seed.name}`), seed.name, settings);
  else await buckets.create(scope('POST', 'bucket'), { name: seed.name, ...settings });
}

/**
 * Drops object bytes a previous database left on disk: a new database has no storage.objects
 * rows, so they could never be served again.
 */
export async function clearObjectFiles(dataDir: string): Promise<void> {
  await new ObjectDisk(dataDir).removeAll();
}
