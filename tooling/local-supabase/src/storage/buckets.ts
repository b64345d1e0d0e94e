// Bucket operations, as the caller (so policies on storage.buckets apply where the project has
// them; service_role bypasses RLS).
import type { RequestScope } from '../db/request-transaction.ts';
import { storageErrors } from './errors.ts';
import { parseByteSize, parseMimeTypes } from './limits.ts';
import { assertValidBucketName } from './names.ts';
import { ownerOf, type BucketRow, type ObjectStore } from './objects.ts';

const BUCKET_COLUMNS =
  'id, name, owner, public, file_size_limit, allowed_mime_types, created_at, updated_at';
const SORT_COLUMNS = new Set(['id', 'name', 'created_at', 'updated_at']);

function normalise(row: BucketRow): BucketRow {
  return {
    ...row,
    file_size_limit: row.file_size_limit === null ? null : Number(row.file_size_limit),
  };
}

function asObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw storageErrors.invalidInput('the body must be a JSON object');
  return body as Record<string, unknown>;
}

function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean')
    throw storageErrors.invalidInput(`${field} must be true or false`);
  return value;
}

export interface BucketListQuery {
  limit?: string;
  offset?: string;
  sortColumn?: string;
  sortOrder?: string;
  search?: string;
}

function nonNegativeInt(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw storageErrors.invalidInput(`${field} must be a non-negative integer`);
  return Number(value);
}

export class BucketStore {
  constructor(private readonly objects: ObjectStore) {}

  list(scope: RequestScope, query: BucketListQuery): Promise<BucketRow[]> {
    const limit = nonNegativeInt(query.limit, 'limit');
    const offset = nonNegativeInt(query.offset, 'offset') ?? 0;
    const column = query.sortColumn ?? 'name';
    if (!SORT_COLUMNS.has(column))
      throw storageErrors.invalidInput(
        'sortColumn must be one of id, name, created_at, updated_at',
      );
    const order = (query.sortOrder ?? 'asc').toLowerCase();
    if (order !== 'asc' && order !== 'desc')
      throw storageErrors.invalidInput('sortOrder must be asc or desc');
    return this.objects.asCaller({ ...scope, readOnly: true }, async (client) => {
      const { rows } = await client.query<BucketRow>(
        `select ${BUCKET_COLUMNS} from storage.buckets
          where $1::text is null or name ilike '%' || $1 || '%'
          order by ${column} ${order} limit $2 offset $3`,
        [query.search || null, limit ?? null, offset],
      );
      return rows.map(normalise);
    });
  }

  async get(scope: RequestScope, id: string): Promise<BucketRow> {
    const row = await this.objects.asCaller({ ...scope, readOnly: true }, async (client) => {
      const { rows } = await client.query<BucketRow>(
        `select ${BUCKET_COLUMNS} from storage.buckets where id = $1`,
        [id],
      );
      return rows[0];
    });
    if (!row) throw storageErrors.bucketNotFound();
    return normalise(row);
  }

  async create(scope: RequestScope, body: unknown): Promise<{ name: string }> {
    const input = asObject(body);
    const id = input.id ?? input.name;
    if (typeof id !== 'string') throw storageErrors.invalidInput('name must be a string');
    assertValidBucketName(id);
    const isPublic = optionalBoolean(input.public, 'public') ?? false;
    const sizeLimit = parseByteSize(input.file_size_limit, 'file_size_limit') ?? null;
    const mimeTypes = parseMimeTypes(input.allowed_mime_types, 'allowed_mime_types') ?? null;
    const owner = ownerOf(scope.auth);
    await this.objects.asCaller(scope, (client) =>
      client.query(
        `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
         values ($1, $1, $2, $3, $4, $5, $6)`,
        [id, owner.owner, owner.ownerId, isPublic, sizeLimit, mimeTypes],
      ),
    );
    return { name: id };
  }

  async update(scope: RequestScope, id: string, body: unknown): Promise<void> {
    const input = asObject(body);
    const isPublic = optionalBoolean(input.public, 'public');
    const sizeLimit = parseByteSize(input.file_size_limit, 'file_size_limit');
    const mimeTypes = parseMimeTypes(input.allowed_mime_types, 'allowed_mime_types');
    const updated = await this.objects.asCaller(scope, async (client) => {
      const result = await client.query(
        `update storage.buckets set
           public = coalesce($2, public),
           file_size_limit = case when $3 then $4 else file_size_limit end,
           allowed_mime_types = case when $5 then $6 else allowed_mime_types end,
           updated_at = now()
         where id = $1`,
        [
          id,
          isPublic ?? null,
          sizeLimit !== undefined,
          sizeLimit ?? null,
          mimeTypes !== undefined,
          mimeTypes ?? null,
        ],
      );
      return result.rowCount ?? 0;
    });
    if (updated === 0) throw storageErrors.bucketNotFound();
  }

  async remove(scope: RequestScope, id: string): Promise<void> {
    await this.objects.bucket(id);
    // Counted with the stack's rights: objects the caller cannot see still keep the bucket.
    if (await this.objects.hasObjects(id)) throw storageErrors.bucketNotEmpty();
    const deleted = await this.objects.asCaller(scope, async (client) => {
      const result = await client.query('delete from storage.buckets where id = $1', [id]);
      return result.rowCount ?? 0;
    });
    if (deleted === 0) throw storageErrors.bucketNotFound();
    await this.objects.removeBucketFolder(id);
  }
}
