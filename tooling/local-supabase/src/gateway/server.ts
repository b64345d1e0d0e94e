// The stack's single HTTP server: CORS, body limit and access log in front of every service,
// each mounted under its base path, plus WebSocket upgrades routed by path prefix.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '@alawein/logger';
import type { StackService } from '../context.ts';
import type { AccessSettings } from '../context.ts';
import { limitBody } from './body-limit.ts';
import { corsHeaders } from './cors.ts';
import { createRequestGuard, guardRequests } from './request-guard.ts';

/** Default request-body cap for services that do not set their own (`StackService.bodyLimit`). */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

/** Headers supabase-js and the functions relay read from responses. */
const EXPOSED_HEADERS = [
  'Content-Range',
  'Content-Location',
  'Content-Profile',
  'Location',
  'Preference-Applied',
  'Range-Unit',
  'X-Supabase-Api-Version',
  'X-Relay-Error',
  'ETag',
];

export interface GatewayOptions {
  services: StackService[];
  logger: Logger;
  bodyLimit?: number;
  /** Extra Host names and browser origins allowed besides loopback ones. */
  access?: AccessSettings;
}

/** Builds the Hono app: middleware, then every service at its base path, then 404/500 handlers. */
export function createGatewayApp(options: GatewayOptions): Hono {
  const { logger } = options;
  const guard = createRequestGuard(options.access);
  const app = new Hono();

  // The access log; a logger above info (tests, benchmarks) skips the layer altogether.
  if (logger.isLevelEnabled('info')) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      // The path only: query strings can carry apikeys and signed-URL tokens.
      logger.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
        role: c.get('requestAuth')?.role ?? null,
      });
    });
  }

  app.use('*', guardRequests(guard));
  app.use(
    '*',
    corsHeaders({
      // Loopback pages (every app's dev and preview port) and the project's configured sites.
      originAllowed: (origin) => guard.originAllowed(origin),
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: EXPOSED_HEADERS,
      maxAge: 3600,
    }),
  );

  for (const service of options.services) {
    const maxSize = service.bodyLimit ?? options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    app.use(`${service.basePath}/*`, limitBody(maxSize));
    app.route(service.basePath, service.app);
  }

  app.notFound((c) =>
    c.json({ code: 'not_found', message: `no route matches ${c.req.method} ${c.req.path}` }, 404),
  );

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    logger.error('unhandled error', { method: c.req.method, path: c.req.path, error });
    return c.json({ code: 'internal_error', message: 'Internal server error' }, 500);
  });

  return app;
}

export interface RunningGateway {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Starts the gateway on 127.0.0.1:`port`; rejects with a clear message when the port is taken. */
export async function startGateway(
  options: GatewayOptions & { port: number },
): Promise<RunningGateway> {
  const app = createGatewayApp(options);
  const guard = createRequestGuard(options.access);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const service = options.services.find(
      (candidate) =>
        candidate.upgrade &&
        (path === candidate.basePath || path.startsWith(`${candidate.basePath}/`)),
    );
    options.logger.info('upgrade', { path, handled: Boolean(service) });
    // Browsers send Origin on every WebSocket handshake and no preflight guards it.
    const refusal = guard.refusal('UPGRADE', req.headers.host, req.headers.origin);
    if (refusal) {
      const text = JSON.stringify(refusal);
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
      );
      return;
    }
    if (!service?.upgrade) {
      socket.end(
        'HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n',
      );
      return;
    }
    service.upgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${options.port} is already in use (API gateway)`)
          : error,
      ),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    server,
    port: options.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
