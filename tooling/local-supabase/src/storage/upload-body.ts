// Reads an upload — a raw body with its Content-Type, or multipart form data with the file and
// its `cacheControl`/`metadata` fields (what storage-js sends for Blobs) — straight to a temp file.
import { PassThrough, Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { Busboy } from '@fastify/busboy';
import type { ObjectDisk, StagedFile } from './disk.ts';
import { storageErrors } from './errors.ts';
import { assertMimeAllowed, type BucketLimits } from './limits.ts';

export interface Upload {
  staged: StagedFile;
  contentType: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | null;
}

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
const DEFAULT_CACHE_CONTROL = 'max-age=3600';

function bodyStream(request: Request): Readable {
  if (!request.body) return Readable.from([]);
  return Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
}

/** Consumes what is left of a refused body so the client sees the error, not a reset socket. */
async function drain(stream: Readable): Promise<void> {
  stream.resume();
  await new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('error', () => resolve());
    stream.once('close', resolve);
  });
}

function parseUserMetadata(raw: string | undefined, field: string): Record<string, unknown> | null {
  if (raw === undefined || raw === '') return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw storageErrors.invalidInput(`${field} must be a JSON object`);
}

function cacheControlFrom(value: string | undefined): string {
  if (!value) return DEFAULT_CACHE_CONTROL;
  return /^\d+$/.test(value) ? `max-age=${value}` : value;
}

/** Stages the uploaded bytes on disk; throws StorageError (400/413/415) on bad input. */
export async function readUpload(
  request: Request,
  limits: BucketLimits,
  disk: ObjectDisk,
): Promise<Upload> {
  const contentType = request.headers.get('content-type') ?? DEFAULT_CONTENT_TYPE;
  if (/^multipart\/form-data/i.test(contentType))
    return readMultipart(request, contentType, limits, disk);
  const source = bodyStream(request);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  try {
    assertMimeAllowed(contentType, limits.allowedMimeTypes);
    if (declared > limits.maxBytes) throw storageErrors.entityTooLarge(limits.maxBytes);
  } catch (error) {
    await drain(source);
    throw error;
  }
  const encodedMetadata = request.headers.get('x-metadata') ?? undefined;
  const userMetadata = parseUserMetadata(
    encodedMetadata === undefined
      ? undefined
      : Buffer.from(encodedMetadata, 'base64').toString('utf8'),
    'x-metadata header',
  );
  let staged: StagedFile;
  try {
    staged = await disk.stage(source, limits.maxBytes);
  } catch (error) {
    await drain(source);
    throw error;
  }
  return {
    staged,
    contentType,
    cacheControl: cacheControlFrom(request.headers.get('cache-control') ?? undefined),
    userMetadata,
  };
}

function readMultipart(
  request: Request,
  contentType: string,
  limits: BucketLimits,
  disk: ObjectDisk,
): Promise<Upload> {
  const source = bodyStream(request);
  return new Promise<Upload>((resolve, reject) => {
    const fields = new Map<string, string>();
    let staging: Promise<{ staged: StagedFile; mimeType: string }> | undefined;
    let failure: Error | undefined;
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({
        headers: { 'content-type': contentType },
        limits: { files: 1, fields: 20 },
      });
    } catch {
      void drain(source).then(() =>
        reject(storageErrors.invalidInput('the multipart body is malformed')),
      );
      return;
    }
    parser.on('field', (name, value) => fields.set(name, value));
    parser.on('file', (_field, file, _filename, _encoding, mimeType) => {
      if (staging) {
        file.resume();
        return;
      }
      const type = mimeType || DEFAULT_CONTENT_TYPE;
      try {
        assertMimeAllowed(type, limits.allowedMimeTypes);
      } catch (error) {
        failure = error as Error;
        file.resume();
        return;
      }
      // Staging reads through a tap: when it stops early (over the size limit) it destroys the
      // tap, not busboy's file stream, which must be read to its end for busboy to finish.
      const tap = new PassThrough();
      file.pipe(tap);
      staging = disk.stage(tap, limits.maxBytes).then(
        (staged) => ({ staged, mimeType: type }),
        (error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
          file.unpipe(tap);
          file.resume();
          throw error;
        },
      );
      staging.catch(() => undefined);
    });
    parser.on('error', (error: unknown) => {
      failure ??= storageErrors.invalidInput(
        `the multipart body is malformed: ${(error as Error).message}`,
      );
      void drain(source).then(() => finish());
    });
    parser.on('finish', () => void finish());
    let finished = false;
    const finish = async () => {
      if (finished) return;
      finished = true;
      const result = staging ? await staging.catch(() => undefined) : undefined;
      if (failure !== undefined || !result) {
        if (result) await disk.discardTemp(result.staged.tempPath);
        reject(failure ?? storageErrors.invalidInput('the multipart body has no file part'));
        return;
      }
      try {
        resolve({
          staged: result.staged,
          contentType: result.mimeType,
          cacheControl: cacheControlFrom(fields.get('cacheControl')),
          userMetadata: parseUserMetadata(fields.get('metadata'), 'metadata field'),
        });
      } catch (error) {
        await disk.discardTemp(result.staged.tempPath);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    source.on('error', (error) => parser.destroy(error));
    source.pipe(parser);
  });
}
