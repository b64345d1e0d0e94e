// Object operations. Rows are read and written through withRequestTransaction under the caller's
// role and claims, so the project's storage.objects policies decide; bytes move on disk inside
// the same transaction and are undone if it does not commit.
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '@alawein/logger';
import type { RequestAuth } from '../context.ts';
import { withRequestTransaction, type RequestScope } from '../db/request-transaction.ts';
import type { ObjectDisk } from './disk.ts';
import { fromDatabaseError, storageErrors } from './errors.ts';
import type { Upload } from './upload-body.ts';

export interface ObjectRow {
  id: string;
  bucket_id: string;
  name: string;
  owner: string | null;
  metadata: ObjectMetadata | null;
  user_metadata: Record<string, unknown> | null;
  version: string | null;
  created_at: string;
  updated_at: string;
  last_accessed_at: string;
}

export interface ObjectMetadata {
  eTag: string;
  size: number;
  mimetype: string;
  cacheControl: string;
  lastModified: string;
  contentLength: number;
  httpStatusCode: number;
}

export interface BucketRow {
  id: string;
  name: string;
  owner: string | null;
  public: boolean;
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
  created_at: string;
  updated_at: string;
}

export interface ListOptions {
  prefix: string;
  limit: number;
  offset: number;
  sortColumn: 'name' | 'created_at' | 'updated_at' | 'last_accessed_at';
  sortOrder: 'asc' | 'desc';
  search: string;
}

export type ListEntry = Pick<
  ObjectRow,
  'name' | 'created_at' | 'updated_at' | 'last_accessed_at'
> & {
  id: string | null;
  metadata: ObjectMetadata | null;
};

const OBJECT_COLUMNS =
  'id, bucket_id, name, owner, metadata, user_metadata, version, created_at, updated_at, last_accessed_at';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row owner: the JWT's `sub` when it is a user id. */
export function ownerOf(auth: RequestAuth): { owner: string | null; ownerId: string | null } {
  const sub = typeof auth.claims.sub === 'string' ? auth.claims.sub : null;
  return { owner: sub && UUID.test(sub) ? sub : null, ownerId: sub };
}

export interface ObjectStoreDeps {
  apiPool: Pool;
  adminPool: Pool;
  disk: ObjectDisk;
  logger: Logger;
}

export class ObjectStore {
  constructor(private readonly deps: ObjectStoreDeps) {}

  /** Runs `work` as the caller, mapping RLS and constraint errors to storage errors. */
  async asCaller<T>(scope: RequestScope, work: (client: PoolClient) => Promise<T>): Promise<T> {
    try {
      return await withRequestTransaction(this.deps.apiPool, scope, work);
    } catch (error) {
      throw fromDatabaseError(error) ?? error;
    }
  }

  /** Bucket settings read with the stack's own rights: limits apply whoever uploads. */
  async bucket(id: string): Promise<BucketRow> {
    const { rows } = await this.deps.adminPool.query<BucketRow>(
      `select id, name, owner, public, file_size_limit, allowed_mime_types, created_at, updated_at
         from storage.buckets where id = $1`,
      [id],
    );
    const bucket = rows[0];
    if (!bucket) throw storageErrors.bucketNotFound();
    return {
      ...bucket,
      file_size_limit: bucket.file_size_limit === null ? null : Number(bucket.file_size_limit),
    };
  }

  /** Stores an upload as `bucket/name`; replaces an existing object only when `upsert`. */
  async put(
    scope: RequestScope,
    bucket: string,
    name: string,
    upload: Upload,
    upsert: boolean,
  ): Promise<ObjectRow> {
    const { disk } = this.deps;
    const version = randomUUID();
    const target = disk.objectPath(bucket, name, version);
    const metadata: ObjectMetadata = {
      eTag: `"${upload.staged.md5}"`,
      size: upload.staged.size,
      mimetype: upload.contentType,
      cacheControl: upload.cacheControl,
      lastModified: new Date().toISOString(),
      contentLength: upload.staged.size,
      httpStatusCode: 200,
    };
    let placed = false;
    let previous: string | null | undefined;
    try {
      const row = await this.asCaller(scope, async (client) => {
        if (upsert) {
          const old = await client.query<{ version: string | null }>(
            'select version from storage.objects where bucket_id = $1 and name = $2 for update',
            [bucket, name],
          );
          previous = old.rows[0]?.version;
        }
        const row = await this.insertRow(client, scope.auth, {
          bucket,
          name,
          version,
          metadata,
          userMetadata: upload.userMetadata,
          upsert,
        });
        await disk.place(upload.staged.tempPath, target);
        placed = true;
        return row;
      });
      if (previous && previous !== version)
        await disk.remove(disk.objectPath(bucket, name, previous));
      return row;
    } catch (error) {
      await disk.discardTemp(upload.staged.tempPath);
      if (placed) await disk.remove(target);
      throw error;
    }
  }

  private async insertRow(
    client: PoolClient,
    auth: RequestAuth,
    row: {
      bucket: string;
      name: string;
      version: string;
      metadata: ObjectMetadata;
      userMetadata: Record<string, unknown> | null;
      upsert: boolean;
    },
  ): Promise<ObjectRow> {
    const { owner, ownerId } = ownerOf(auth);
    const conflict = row.upsert
      ? `on conflict (bucket_id, name) do update set
           metadata = excluded.metadata, user_metadata = excluded.user_metadata, version = excluded.version,
           owner = excluded.owner, owner_id = excluded.owner_id, updated_at = now(), last_accessed_at = now()`
      : '';
    const { rows } = await client.query<ObjectRow>(
      `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
       values ($1, $2, $3, $4, $5, $6, $7) ${conflict}
       returning ${OBJECT_COLUMNS}`,
      [row.bucket, row.name, owner, ownerId, row.metadata, row.userMetadata, row.version],
    );
    return rows[0]!;
  }

  /**
   * Throws unless the caller's policies would let it create (or, with `upsert`, replace)
   * `bucket/name`: the row is written and rolled back, so nothing remains.
   */
  async assertCanWrite(
    scope: RequestScope,
    bucket: string,
    name: string,
    upsert: boolean,
  ): Promise<void> {
    const probe = new Error('permission probe');
    try {
      await this.asCaller(scope, async (client) => {
        await this.insertRow(client, scope.auth, {
          bucket,
          name,
          version: randomUUID(),
          metadata: {
            eTag: '""',
            size: 0,
            mimetype: 'application/octet-stream',
            cacheControl: 'no-cache',
            lastModified: new Date().toISOString(),
            contentLength: 0,
            httpStatusCode: 200,
          },
          userMetadata: null,
          upsert,
        });
        throw probe;
      });
    } catch (error) {
      if (error !== probe) throw error;
    }
  }

  /** The row of `bucket/name` if the caller may see it (RLS), else 404. */
  async find(scope: RequestScope, bucket: string, name: string): Promise<ObjectRow> {
    const row = await this.asCaller({ ...scope, readOnly: true }, async (client) => {
      const { rows } = await client.query<ObjectRow>(
        `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
        [bucket, name],
      );
      return rows[0];
    });
    if (!row) throw storageErrors.objectNotFound();
    return row;
  }

  /** The row with the stack's own rights (public buckets, signed URLs). */
  async findUnrestricted(bucket: string, name: string): Promise<ObjectRow> {
    const { rows } = await this.deps.adminPool.query<ObjectRow>(
      `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
      [bucket, name],
    );
    if (!rows[0]) throw storageErrors.objectNotFound();
    return rows[0];
  }

  async hasObjects(bucket: string): Promise<boolean> {
    const { rowCount } = await this.deps.adminPool.query(
      'select 1 from storage.objects where bucket_id = $1 limit 1',
      [bucket],
    );
    return (rowCount ?? 0) > 0;
  }

  async removeBucketFolder(bucket: string): Promise<void> {
    await this.deps.disk.removeBucket(bucket);
  }

  filePath(row: ObjectRow): string {
    return this.deps.disk.objectPath(row.bucket_id, row.name, row.version ?? row.id);
  }

  /** Folders (id null) then files directly under `prefix`, as Supabase's storage.search does. */
  async list(scope: RequestScope, bucket: string, options: ListOptions): Promise<ListEntry[]> {
    const prefix =
      options.prefix === '' || options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
    const order = options.sortOrder === 'desc' ? 'desc' : 'asc';
    return this.asCaller({ ...scope, readOnly: true }, async (client) => {
      const { rows } = await client.query<ListEntry>(
        `with visible as (
           select o.*, substr(o.name, length($2) + 1) as rest
             from storage.objects o
            where o.bucket_id = $1 and starts_with(o.name, $2)
         ), entries as (
           select split_part(rest, '/', 1) as entry, position('/' in rest) > 0 as is_folder, v.*
             from visible v
         ), folders as (
           select distinct entry from entries
            where is_folder and entry ilike replace(replace(replace($3, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
         ), files as (
           select * from entries
            where not is_folder and entry ilike replace(replace(replace($3, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
         )
         (select entry as name, null::uuid as id, null::timestamptz as updated_at, null::timestamptz as created_at,
                 null::timestamptz as last_accessed_at, null::jsonb as metadata, 0 as kind
            from folders order by entry collate "C" ${order})
         union all
         (select entry, id, updated_at, created_at, last_accessed_at, metadata, 1
            from files order by ${options.sortColumn === 'name' ? 'entry collate "C"' : options.sortColumn} ${order}, entry collate "C")
         limit $4 offset $5`,
        [bucket, prefix, options.search, options.limit, options.offset],
      );
      return rows.map(({ kind: _kind, ...entry }: ListEntry & { kind?: number }) => entry);
    });
  }

  /** Deletes the named objects the caller may delete; returns the deleted rows. */
  async remove(scope: RequestScope, bucket: string, names: string[]): Promise<ObjectRow[]> {
    const rows = await this.asCaller(scope, async (client) => {
      const result = await client.query<ObjectRow>(
        `delete from storage.objects where bucket_id = $1 and name = any($2::text[]) returning ${OBJECT_COLUMNS}`,
        [bucket, names],
      );
      return result.rows;
    });
    await Promise.all(rows.map((row) => this.deps.disk.remove(this.filePath(row))));
    return rows;
  }

  /** Deletes every object of `bucket` the caller may delete. */
  async empty(scope: RequestScope, bucket: string): Promise<number> {
    const rows = await this.asCaller(scope, async (client) => {
      const result = await client.query<ObjectRow>(
        `delete from storage.objects where bucket_id = $1 returning ${OBJECT_COLUMNS}`,
        [bucket],
      );
      return result.rows;
    });
    await Promise.all(rows.map((row) => this.deps.disk.remove(this.filePath(row))));
    return rows.length;
  }

  /** Renames an object (possibly into another bucket); the caller needs update rights on it. */
  async move(
    scope: RequestScope,
    from: { bucket: string; name: string },
    to: { bucket: string; name: string },
  ): Promise<void> {
    const { disk } = this.deps;
    let moved: { from: string; to: string } | undefined;
    try {
      await this.asCaller(scope, async (client) => {
        const { rows } = await client.query<ObjectRow>(
          `update storage.objects set bucket_id = $3, name = $4, updated_at = now()
            where bucket_id = $1 and name = $2 returning ${OBJECT_COLUMNS}`,
          [from.bucket, from.name, to.bucket, to.name],
        );
        const row = rows[0];
        if (!row) throw storageErrors.objectNotFound();
        const version = row.version ?? row.id;
        moved = {
          from: disk.objectPath(from.bucket, from.name, version),
          to: disk.objectPath(to.bucket, to.name, version),
        };
        await disk.place(moved.from, moved.to);
      });
    } catch (error) {
      if (moved) {
        const restored = await disk.place(moved.to, moved.from).then(
          () => true,
          () => false,
        );
        // Drops the folders the move created, now that the file is back at its source.
        if (restored) await disk.remove(moved.to);
      }
      throw error;
    }
    if (moved) await disk.remove(moved.from);
  }

  /** Copies an object the caller can read to a new name the caller may write. */
  async copy(
    scope: RequestScope,
    from: { bucket: string; name: string },
    to: { bucket: string; name: string },
    options: {
      upsert: boolean;
      copyMetadata: boolean;
      userMetadata: Record<string, unknown> | null;
    },
  ): Promise<ObjectRow> {
    const source = await this.find(scope, from.bucket, from.name);
    if (!source.metadata) throw storageErrors.objectNotFound();
    const tempPath = await this.deps.disk.stageCopy(this.filePath(source));
    return this.put(
      scope,
      to.bucket,
      to.name,
      {
        staged: {
          tempPath,
          size: source.metadata.size,
          md5: source.metadata.eTag.replaceAll('"', ''),
        },
        contentType: source.metadata.mimetype,
        cacheControl: source.metadata.cacheControl,
        userMetadata: options.copyMetadata ? source.user_metadata : options.userMetadata,
      },
      options.upsert,
    );
  }
}
