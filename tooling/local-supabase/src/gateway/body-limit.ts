// Request-body cap that answers 413 only after reading (and discarding) the rest of the body.
// Answering mid-upload and closing the socket makes clients fail with EPIPE instead of reading
// the 413, and answering without closing leaves a half-read connection that clients then reuse.
import type { Context, MiddlewareHandler } from 'hono';
import { requestHeader } from './request-headers.ts';

/** Beyond this many bytes (or this long) we stop draining and close the connection instead. */
const DRAIN_CAP_BYTES = 64 * 1024 * 1024;
const DRAIN_CAP_MS = 10_000;

async function drain(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  alreadyRead: number,
): Promise<boolean> {
  const deadline = Date.now() + DRAIN_CAP_MS;
  let total = alreadyRead;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    total += value.byteLength;
    if (total > DRAIN_CAP_BYTES || Date.now() > deadline) {
      await reader.cancel().catch(() => undefined);
      return false;
    }
  }
}

function tooLarge(c: Context, maxSize: number, drained: boolean): Response {
  if (!drained) c.header('Connection', 'close');
  return c.json(
    { code: 'payload_too_large', message: `Request body exceeds the limit of ${maxSize} bytes` },
    413,
  );
}

/** 413 JSON for bodies over `maxSize` bytes, declared (Content-Length) or streamed (chunked). */
export function limitBody(maxSize: number): MiddlewareHandler {
  return async (c, next) => {
    // GET and HEAD requests never carry a body to the handlers. Elsewhere the headers decide
    // first: asking for `raw.body` builds a full Request and a web stream from
    // @hono/node-server's lightweight one, which a body of declared, allowed length never needs.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = requestHeader(c, 'content-length');
    const chunked = requestHeader(c, 'transfer-encoding') !== undefined;
    if (!chunked && (declared === undefined || Number(declared) <= maxSize)) return next();
    const raw = c.req.raw;
    if (!raw.body) return next();
    if (!chunked) return tooLarge(c, maxSize, await drain(raw.body.getReader(), 0));
    const reader: ReadableStreamDefaultReader<Uint8Array> = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) return tooLarge(c, maxSize, await drain(reader, size));
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.req.raw = new Request(raw, { body });
    return next();
  };
}
