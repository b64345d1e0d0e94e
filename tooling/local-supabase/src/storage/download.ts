// Streams an object's bytes with the headers Supabase Storage sends (type, length, cache,
// ETag, Last-Modified), single byte ranges, conditional requests and `?download=`.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { ObjectDisk } from './disk.ts';
import { storageErrors } from './errors.ts';
import type { ObjectRow } from './objects.ts';

function contentDisposition(download: string | undefined, name: string): string | undefined {
  if (download === undefined) return undefined;
  const filename = download || name.split('/').pop() || 'download';
  return `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** `bytes=a-b` / `bytes=a-` / `bytes=-n` → inclusive range; undefined when absent or unsupported. */
function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) return 'unsatisfiable';
  return { start, end };
}

export async function objectResponse(
  request: Request,
  row: ObjectRow,
  file: string,
  disk: ObjectDisk,
  query: { download?: string },
): Promise<Response> {
  const size = await disk.size(file);
  if (size === undefined || !row.metadata) throw storageErrors.objectNotFound();
  const headers = new Headers({
    'content-type': row.metadata.mimetype,
    'cache-control': row.metadata.cacheControl.startsWith('max-age')
      ? row.metadata.cacheControl
      : `max-age=${row.metadata.cacheControl}`,
    etag: row.metadata.eTag,
    'last-modified': new Date(row.updated_at).toUTCString(),
    'accept-ranges': 'bytes',
  });
  const disposition = contentDisposition(query.download, row.name);
  if (disposition) headers.set('content-disposition', disposition);
  if (request.headers.get('if-none-match') === row.metadata.eTag)
    return new Response(null, { status: 304, headers });
  const range = parseRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable') {
    headers.set('content-range', `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const length = range ? range.end - range.start + 1 : size;
  headers.set('content-length', String(length));
  if (range) headers.set('content-range', `bytes ${range.start}-${range.end}/${size}`);
  const body =
    request.method === 'HEAD'
      ? null
      : (Readable.toWeb(disk.read(file, range)) as NodeWebStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}
