// `/storage/v1`: Supabase Storage's bucket and object API over the stack's PostgreSQL (rows in
// storage.objects, decided by its RLS policies) and the data folder (bytes).
import { Hono, type Context } from 'hono';
import type { StackContext, StackService } from '../context.ts';
import type { RequestScope } from '../db/request-transaction.ts';
import { isJsonContentType } from '../gateway/content-type.ts';
import { getRequestAuth, requireRequestAuth } from '../gateway/request-auth.ts';
import { BucketStore } from './buckets.ts';
import { ObjectDisk } from './disk.ts';
import { objectResponse } from './download.ts';
import { errorResponse, StorageError, storageErrors } from './errors.ts';
import { assertValidBucketName, assertValidKey } from './names.ts';
import { ObjectStore, type ListOptions } from './objects.ts';
import { assertFits, bucketLimits } from './limits.ts';
import { readGlobalFileSizeLimit } from './settings.ts';
import {
  parseExpiresIn,
  signObjectUrl,
  signUploadUrl,
  verifyObjectToken,
  verifyUploadToken,
} from './signed-urls.ts';
import { readUpload, type Upload } from './upload-body.ts';

export const STORAGE_BASE_PATH = '/storage/v1';

const LIST_SORT_COLUMNS = new Set(['name', 'created_at', 'updated_at', 'last_accessed_at']);
const MAX_LIST_LIMIT = 1000;
const MAX_BATCH = 1000;

/** `<bucket>/<key>` after `/storage/v1<prefix>/`, percent-decoded and validated. */
function objectLocation(c: Context, prefix: string): { bucket: string; name: string } {
  const pathname = new URL(c.req.url).pathname;
  const start = pathname.indexOf(`${STORAGE_BASE_PATH}${prefix}/`);
  const rest =
    start >= 0 ? pathname.slice(start + STORAGE_BASE_PATH.length + prefix.length + 1) : '';
  const slash = rest.indexOf('/');
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw storageErrors.invalidInput('the path is not valid percent-encoding');
    }
  };
  const bucket = decode(slash < 0 ? rest : rest.slice(0, slash));
  const name = slash < 0 ? '' : decode(rest.slice(slash + 1));
  assertValidBucketName(bucket);
  assertValidKey(name);
  return { bucket, name };
}

function scopeOf(c: Context): RequestScope {
  return {
    auth: getRequestAuth(c),
    method: c.req.method,
    path: new URL(c.req.url).pathname,
    headers: c.req.header(),
  };
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new StorageError(
      415,
      'InvalidRequest',
      'Unsupported Media Type',
      'Content-Type must be application/json',
    );
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw storageErrors.invalidInput('the body must be valid JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw storageErrors.invalidInput('the body must be a JSON object');
  return body as Record<string, unknown>;
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '')
    throw storageErrors.invalidInput(`${field} must be a non-empty string`);
  return value;
}

function stringList(value: unknown, field: string): string[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.length > MAX_BATCH ||
    !value.every((item) => typeof item === 'string')
  ) {
    throw storageErrors.invalidInput(`${field} must be an array of 1 to ${MAX_BATCH} strings`);
  }
  return value;
}

function listOptions(body: Record<string, unknown>): ListOptions {
  const prefix = body.prefix ?? '';
  if (typeof prefix !== 'string') throw storageErrors.invalidInput('prefix must be a string');
  if (prefix !== '') assertValidKey(prefix.replace(/\/+$/, ''));
  const limit = body.limit ?? 100;
  const offset = body.offset ?? 0;
  if (
    typeof limit !== 'number' ||
    !Number.isInteger(limit) ||
    limit < 0 ||
    limit > MAX_LIST_LIMIT
  ) {
    throw storageErrors.invalidInput(`limit must be an integer from 0 to ${MAX_LIST_LIMIT}`);
  }
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0)
    throw storageErrors.invalidInput('offset must be a non-negative integer');
  const search = body.search ?? '';
  if (typeof search !== 'string') throw storageErrors.invalidInput('search must be a string');
  const sortBy = (body.sortBy ?? {}) as { column?: unknown; order?: unknown };
  const column = sortBy.column ?? 'name';
  const order =
    typeof sortBy.order === 'string' ? sortBy.order.toLowerCase() : (sortBy.order ?? 'asc');
  if (typeof column !== 'string' || !LIST_SORT_COLUMNS.has(column)) {
    throw storageErrors.invalidInput(
      'sortBy.column must be one of name, created_at, updated_at, last_accessed_at',
    );
  }
  if (order !== 'asc' && order !== 'desc')
    throw storageErrors.invalidInput('sortBy.order must be asc or desc');
  return {
    prefix,
    limit,
    offset,
    search,
    sortColumn: column as ListOptions['sortColumn'],
    sortOrder: order,
  };
}

/** Builds the storage service. */
export async function createStorageService(ctx: StackContext): Promise<StackService> {
  const logger = ctx.logger.child({ service: 'storage' });
  const disk = new ObjectDisk(ctx.config.dataDir);
  // Uploads a previous run left unfinished (killed mid-request) never got a row: drop them.
  await disk.clearTemp();
  const objects = new ObjectStore({ apiPool: ctx.apiPool, adminPool: ctx.adminPool, disk, logger });
  const buckets = new BucketStore(objects);
  const globalLimit = readGlobalFileSizeLimit(ctx.config.projectRoot);
  const secret = ctx.config.jwtSecret;
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof StorageError) return errorResponse(c, error);
    logger.error('storage request failed', { error, method: c.req.method, path: c.req.path });
    return errorResponse(
      c,
      new StorageError(500, 'InternalError', 'Internal Server Error', 'An internal error occurred'),
    );
  });

  // Public and signed downloads need no apikey: browsers load them as plain URLs.
  const publicDownload = async (c: Context) => {
    const { bucket, name } = objectLocation(c, '/object/public');
    const settings = await objects.bucket(bucket);
    if (!settings.public) throw storageErrors.bucketNotFound();
    const row = await objects.findUnrestricted(bucket, name);
    return objectResponse(c.req.raw, row, objects.filePath(row), disk, {
      download: c.req.query('download'),
    });
  };
  app.on(['GET', 'HEAD'], '/object/public/*', publicDownload);
  app.on(['GET', 'HEAD'], '/object/sign/*', async (c) => {
    const { bucket, name } = objectLocation(c, '/object/sign');
    await verifyObjectToken(c.req.query('token'), bucket, name, secret);
    const row = await objects.findUnrestricted(bucket, name);
    return objectResponse(c.req.raw, row, objects.filePath(row), disk, {
      download: c.req.query('download'),
    });
  });

  const readLimitedUpload = async (c: Context, bucket: string): Promise<Upload> =>
    readUpload(c.req.raw, bucketLimits(await objects.bucket(bucket), globalLimit), disk);

  // Signed uploads carry their permission in the token (checked against the policies when the
  // URL was made), so the write itself runs with the service role on behalf of the token's owner.
  app.put('/object/upload/sign/*', async (c) => {
    const { bucket, name } = objectLocation(c, '/object/upload/sign');
    const grant = await verifyUploadToken(c.req.query('token'), bucket, name, secret);
    const body = await readLimitedUpload(c, bucket);
    const scope: RequestScope = {
      auth: {
        role: 'service_role',
        claims: { role: 'service_role', ...(grant.owner ? { sub: grant.owner } : {}) },
        token: '',
      },
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      headers: {},
    };
    const row = await objects.put(scope, bucket, name, body, grant.upsert);
    return c.json({ Id: row.id, Key: `${bucket}/${name}` });
  });

  app.use(
    '*',
    requireRequestAuth(ctx.config, {
      onError: (c, failure) =>
        errorResponse(
          c,
          new StorageError(
            failure.status,
            failure.reason === 'missing_apikey' ? 'MissingApiKey' : 'InvalidJWT',
            'Unauthorized',
            failure.message,
          ),
        ),
    }),
  );

  // Buckets ---------------------------------------------------------------------------------
  app.get('/bucket', async (c) => c.json(await buckets.list(scopeOf(c), c.req.query())));
  app.get('/bucket/:id', async (c) => c.json(await buckets.get(scopeOf(c), c.req.param('id'))));
  app.post('/bucket', async (c) => c.json(await buckets.create(scopeOf(c), await jsonBody(c))));
  app.put('/bucket/:id', async (c) => {
    await buckets.update(scopeOf(c), c.req.param('id'), await jsonBody(c));
    return c.json({ message: 'Successfully updated' });
  });
  app.post('/bucket/:id/empty', async (c) => {
    await objects.bucket(c.req.param('id'));
    await objects.empty(scopeOf(c), c.req.param('id'));
    return c.json({ message: 'Successfully emptied' });
  });
  app.delete('/bucket/:id', async (c) => {
    await buckets.remove(scopeOf(c), c.req.param('id'));
    return c.json({ message: 'Successfully deleted' });
  });

  // Objects: fixed verbs first, then `/object/<bucket>/<key>` -------------------------------
  app.post('/object/list/:bucket', async (c) => {
    const bucket = c.req.param('bucket');
    assertValidBucketName(bucket);
    const options = listOptions(await jsonBody(c));
    await objects.bucket(bucket);
    return c.json(await objects.list(scopeOf(c), bucket, options));
  });

  const transferTargets = async (c: Context) => {
    const body = await jsonBody(c);
    const bucket = requiredString(body, 'bucketId');
    const sourceKey = requiredString(body, 'sourceKey');
    const destinationKey = requiredString(body, 'destinationKey');
    const destinationBucket =
      body.destinationBucket === undefined || body.destinationBucket === null
        ? bucket
        : requiredString(body, 'destinationBucket');
    assertValidBucketName(bucket);
    assertValidBucketName(destinationBucket);
    assertValidKey(sourceKey);
    assertValidKey(destinationKey);
    await objects.bucket(bucket);
    const destination = await objects.bucket(destinationBucket);
    // The destination's limits apply as to an upload: the object must fit where it lands.
    const source = await objects.find(scopeOf(c), bucket, sourceKey);
    assertFits(
      source.metadata?.size ?? 0,
      source.metadata?.mimetype ?? 'application/octet-stream',
      bucketLimits(destination, globalLimit),
    );
    return {
      body,
      from: { bucket, name: sourceKey },
      to: { bucket: destinationBucket, name: destinationKey },
    };
  };
  app.post('/object/move', async (c) => {
    const { from, to } = await transferTargets(c);
    await objects.move(scopeOf(c), from, to);
    return c.json({ message: 'Successfully moved' });
  });
  app.post('/object/copy', async (c) => {
    const { body, from, to } = await transferTargets(c);
    if (
      body.metadata !== undefined &&
      (typeof body.metadata !== 'object' || Array.isArray(body.metadata))
    ) {
      throw storageErrors.invalidInput('metadata must be a JSON object');
    }
    const row = await objects.copy(scopeOf(c), from, to, {
      upsert: c.req.header('x-upsert') === 'true',
      copyMetadata: body.copyMetadata !== false,
      userMetadata: (body.metadata as Record<string, unknown> | null | undefined) ?? null,
    });
    return c.json({
      Id: row.id,
      Key: `${to.bucket}/${to.name}`,
      name: to.name,
      bucket_id: to.bucket,
    });
  });

  app.post('/object/sign/:bucket', async (c) => {
    const bucket = c.req.param('bucket');
    assertValidBucketName(bucket);
    const body = await jsonBody(c);
    const expiresIn = parseExpiresIn(body.expiresIn);
    const paths = stringList(body.paths, 'paths');
    const scope = scopeOf(c);
    const visible = await objects.asCaller({ ...scope, readOnly: true }, async (client) => {
      const { rows } = await client.query<{ name: string }>(
        'select name from storage.objects where bucket_id = $1 and name = any($2::text[])',
        [bucket, paths],
      );
      return new Set(rows.map((row) => row.name));
    });
    const signed = await Promise.all(
      paths.map(async (path) =>
        visible.has(path)
          ? { error: null, path, signedURL: await signObjectUrl(bucket, path, expiresIn, secret) }
          : {
              error: 'Either the object does not exist or you do not have access to it',
              path,
              signedURL: null,
            },
      ),
    );
    return c.json(signed);
  });
  app.post('/object/sign/*', async (c) => {
    const { bucket, name } = objectLocation(c, '/object/sign');
    const expiresIn = parseExpiresIn((await jsonBody(c)).expiresIn);
    await objects.find(scopeOf(c), bucket, name);
    return c.json({ signedURL: await signObjectUrl(bucket, name, expiresIn, secret) });
  });

  app.post('/object/upload/sign/*', async (c) => {
    const { bucket, name } = objectLocation(c, '/object/upload/sign');
    await objects.bucket(bucket);
    const scope = scopeOf(c);
    const upsert = c.req.header('x-upsert') === 'true';
    await objects.assertCanWrite(scope, bucket, name, upsert);
    const owner = typeof scope.auth.claims.sub === 'string' ? scope.auth.claims.sub : undefined;
    const url = await signUploadUrl(bucket, name, { owner, upsert }, secret);
    return c.json({ url, token: new URL(url, 'http://local').searchParams.get('token') });
  });

  const authenticatedDownload = (prefix: string) => async (c: Context) => {
    const { bucket, name } = objectLocation(c, prefix);
    const row = await objects.find(scopeOf(c), bucket, name);
    return objectResponse(c.req.raw, row, objects.filePath(row), disk, {
      download: c.req.query('download'),
    });
  };
  app.on(
    ['GET', 'HEAD'],
    '/object/authenticated/*',
    authenticatedDownload('/object/authenticated'),
  );

  app.get('/object/info/*', async (c) => {
    const pathname = new URL(c.req.url).pathname;
    const prefix = pathname.includes('/object/info/authenticated/')
      ? '/object/info/authenticated'
      : '/object/info';
    const { bucket, name } = objectLocation(c, prefix);
    const row = await objects.find(scopeOf(c), bucket, name);
    return c.json({
      id: row.id,
      name: row.name,
      version: row.version,
      bucket_id: row.bucket_id,
      size: row.metadata?.size ?? null,
      content_type: row.metadata?.mimetype ?? null,
      cache_control: row.metadata?.cacheControl ?? null,
      etag: row.metadata?.eTag ?? null,
      metadata: row.user_metadata,
      last_modified: row.metadata?.lastModified ?? row.updated_at,
      created_at: row.created_at,
    });
  });

  const upload = (upsertByDefault: boolean) => async (c: Context) => {
    const { bucket, name } = objectLocation(c, '/object');
    const body = await readLimitedUpload(c, bucket);
    const upsert = upsertByDefault || c.req.header('x-upsert') === 'true';
    const row = await objects.put(scopeOf(c), bucket, name, body, upsert);
    return c.json({ Id: row.id, Key: `${bucket}/${name}` });
  };
  app.post('/object/*', upload(false));
  app.put('/object/*', upload(true));
  app.on(['GET', 'HEAD'], '/object/*', authenticatedDownload('/object'));

  app.delete('/object/:bucket', async (c) => {
    const bucket = c.req.param('bucket');
    assertValidBucketName(bucket);
    const prefixes = stringList((await jsonBody(c)).prefixes, 'prefixes');
    await objects.bucket(bucket);
    return c.json(await objects.remove(scopeOf(c), bucket, prefixes));
  });
  app.delete('/object/*', async (c) => {
    const { bucket, name } = objectLocation(c, '/object');
    const removed = await objects.remove(scopeOf(c), bucket, [name]);
    if (removed.length === 0) throw storageErrors.objectNotFound();
    return c.json({ message: 'Successfully deleted' });
  });

  return {
    basePath: STORAGE_BASE_PATH,
    app,
    // Room for multipart framing around the largest allowed file; the per-bucket limits and the
    // storage-shaped 413 are applied while streaming to disk.
    bodyLimit: globalLimit + 1024 * 1024,
    close: () => Promise.resolve(),
  };
}
