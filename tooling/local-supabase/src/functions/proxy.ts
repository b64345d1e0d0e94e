// Relays one HTTP request to a worker's unix socket and streams the answer back unchanged.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { FunctionWorker } from './worker.ts';

/** Bodies up to this size (with a Content-Length) are relayed in one piece, both ways. */
const SMALL_BODY_BYTES = 64 * 1024;

/** Connection-level headers that describe one hop, not the message (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

export type RelayFailure =
  | { kind: 'crashed'; detail: string }
  | { kind: 'timeout'; detail: string }
  | { kind: 'aborted'; detail: string };

export class RelayError extends Error {
  constructor(readonly failure: RelayFailure) {
    super(failure.detail);
  }
}

export interface RelayOptions {
  worker: FunctionWorker;
  request: Request;
  /** Path and query the function sees, e.g. `/hello/x?y=1`. */
  targetPath: string;
  /** Wall-clock limit for the whole exchange, body included. */
  timeoutMs: number;
  /** Called once when the worker must be replaced (crash or time limit). */
  onWorkerFailed: (worker: FunctionWorker) => void;
}

function outgoingHeaders(headers: Headers): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) result[name] = value;
  });
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) result['set-cookie'] = cookies;
  return result;
}

function incomingHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, raw[i + 1]!);
  }
  return headers;
}

/**
 * Sends `request` to the worker and resolves with its response as soon as the status line and
 * headers arrive; the body streams on. Rejects with RelayError when the worker dies or the time
 * limit passes before the headers; after that, such failures abort the body stream.
 */
export function relayToWorker(options: RelayOptions): Promise<Response> {
  const { worker, request, timeoutMs } = options;
  return new Promise<Response>((resolveResponse, reject) => {
    const done = worker.track();
    const resolve = (response: Response) => {
      if (settled) return;
      settled = true;
      resolveResponse(response);
    };
    let settled = false;
    let failed = false;
    const failWorker = () => {
      if (failed) return;
      failed = true;
      options.onWorkerFailed(worker);
    };
    const outgoing = httpRequest({
      agent: worker.agent,
      socketPath: worker.socketPath,
      method: request.method,
      path: options.targetPath,
      headers: outgoingHeaders(request.headers),
    });
    let response: IncomingMessage | undefined;
    const timer = setTimeout(() => {
      const detail = `Function exceeded the wall clock limit of ${timeoutMs} ms`;
      failWorker();
      if (!settled) {
        settled = true;
        reject(new RelayError({ kind: 'timeout', detail }));
      }
      outgoing.destroy(new Error(detail));
      response?.destroy(new Error(detail));
      done();
    }, timeoutMs);
    // A client that goes away stops the function's work on its behalf too.
    let completed = false;
    request.signal.addEventListener('abort', () => {
      if (completed) return;
      completed = true;
      clearTimeout(timer);
      done();
      if (!settled) {
        settled = true;
        reject(new RelayError({ kind: 'aborted', detail: 'the client closed the connection' }));
      }
      outgoing.destroy();
      response?.destroy();
    });
    const onWorkerGone = (reason: string) => {
      clearTimeout(timer);
      done();
      if (!settled) {
        settled = true;
        reject(new RelayError({ kind: 'crashed', detail: `Function worker ${reason}` }));
      }
    };
    outgoing.on('error', (error) => {
      if (settled) return;
      // A reset socket means the process died (or is dying): wait briefly for its exit to
      // report why; a live worker that dropped the connection is treated as crashed too.
      void Promise.race([
        worker.exited,
        new Promise<string>((r) => setTimeout(() => r(error.message), 200)),
      ]).then((reason) => {
        failWorker();
        onWorkerGone(reason);
      });
    });
    outgoing.on('response', (message) => {
      response = message;
      const finish = () => {
        completed = true;
        clearTimeout(timer);
        done();
      };
      message.on('end', finish);
      message.on('error', finish);
      message.on('close', finish);
      const init = {
        status: message.statusCode ?? 502,
        statusText: message.statusMessage,
        headers: incomingHeaders(message),
      };
      const noBody =
        request.method === 'HEAD' || message.statusCode === 204 || message.statusCode === 304;
      if (noBody) {
        message.resume();
        resolve(new Response(null, init));
        return;
      }
      // A small body of known length is complete the moment it is written, so collecting it
      // costs no latency and skips the web-stream bridge; anything else streams.
      const length = Number(message.headers['content-length'] ?? NaN);
      if (length <= SMALL_BODY_BYTES) {
        const chunks: Buffer[] = [];
        message.on('data', (chunk: Buffer) => chunks.push(chunk));
        message.on('end', () => resolve(new Response(Buffer.concat(chunks), init)));
        message.on('error', (error) => {
          failWorker();
          onWorkerGone(error.message);
        });
        return;
      }
      resolve(new Response(Readable.toWeb(message) as NodeWebStream<Uint8Array>, init));
    });
    // Reading `request.body` makes the web stream: decide from the method and headers first.
    const declaredLength = Number(request.headers.get('content-length') ?? NaN);
    if (request.method === 'GET' || request.method === 'HEAD' || declaredLength === 0) {
      outgoing.end();
    } else if (declaredLength <= SMALL_BODY_BYTES && !request.headers.has('transfer-encoding')) {
      // A small body of known length (an API call's JSON) is read whole and written once: the
      // web-to-node stream bridge and pipe cost more CPU than the request's own work.
      request.arrayBuffer().then(
        (body) => outgoing.end(Buffer.from(body)),
        (error: unknown) => outgoing.destroy(error instanceof Error ? error : undefined),
      );
    } else if (request.body) {
      const body = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
      body.on('error', (error) => outgoing.destroy(error));
      body.pipe(outgoing);
    } else {
      outgoing.end();
    }
  });
}
