// Realtime (`/realtime/v1`): the Phoenix WebSocket at /realtime/v1/websocket serving
// postgres_changes (under each subscriber's RLS), broadcast and presence, plus the REST broadcast
// endpoint realtime-js falls back to when a channel is not joined yet.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { resolveRequestAuth } from '../gateway/request-auth.ts';
import type { StackContext, StackService } from '../context.ts';
import { broadcastRoutes } from './broadcast-api.ts';
import { ChangeFeed, installCapture } from './capture.ts';
import { Connection } from './connection.ts';
import { ChangeDispatcher } from './dispatcher.ts';
import { Hub } from './hub.ts';
import type { Vsn } from './protocol.ts';
import { loadPublishedTables, type PublishedTable } from './tables.ts';

export const REALTIME_BASE_PATH = '/realtime/v1';
const WEBSOCKET_PATH = `${REALTIME_BASE_PATH}/websocket`;
const VERSIONS = new Set<Vsn>(['1.0.0', '2.0.0']);

/** Builds the Realtime service; its `upgrade` accepts WebSockets at /realtime/v1/websocket. */
export async function createRealtimeService(ctx: StackContext): Promise<StackService> {
  const logger = ctx.logger.child({ service: 'realtime' });
  const hub = new Hub();
  let tables = new Map<string, PublishedTable>();
  let bindingIds = 0;
  const refreshTables = async (): Promise<void> => {
    tables = await loadPublishedTables(ctx.adminPool);
  };

  const dispatcher = new ChangeDispatcher({
    adminPool: ctx.adminPool,
    apiPool: ctx.apiPool,
    logger,
    subscribers: () => hub.changeSubscribers(),
    tables: () => tables,
    refreshTables,
  });
  const feed = new ChangeFeed({
    dbUrl: ctx.config.dbUrl,
    adminPool: ctx.adminPool,
    logger,
    onChange: (change) => dispatcher.push(change),
    onSchemaChange: () => {
      refreshTables().catch((error: unknown) =>
        logger.warn('realtime: reading published tables failed', { error }),
      );
    },
  });

  await installCapture(ctx.adminPool);
  await refreshTables();
  await feed.start();

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  /** 1001 (going away): realtime-js reconnects, and rejoins its channels, once we are back. */
  const closeClients = async (): Promise<void> => {
    for (const client of wss.clients) client.close(1001, 'server shutting down');
    const stragglers = setTimeout(() => {
      for (const client of wss.clients) client.terminate();
    }, 1000);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    clearTimeout(stragglers);
  };
  // An HTTP server's close() waits for every socket it accepted, upgraded WebSockets included,
  // but services are closed only after the gateway. So the sockets go when the server starts
  // closing. (A gateway hook for this would be cleaner; until then, wrap the server's close.)
  const serversWatched = new WeakSet<Server>();
  const closeWithServer = (server: Server | undefined): void => {
    if (!server || serversWatched.has(server)) return;
    serversWatched.add(server);
    const close = server.close.bind(server);
    server.close = (callback?: (error?: Error) => void) => {
      void closeClients();
      return close(callback);
    };
  };
  const deps = {
    hub,
    adminPool: ctx.adminPool,
    jwtSecret: ctx.config.jwtSecret,
    logger,
    tables: () => tables,
    nextBindingId: () => ++bindingIds,
  };

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.replace(/\/+$/, '') !== WEBSOCKET_PATH) {
      rejectUpgrade(socket, 404, { message: `no WebSocket endpoint at ${url.pathname}` });
      return;
    }
    const vsn = (url.searchParams.get('vsn') ?? '1.0.0') as Vsn;
    if (!VERSIONS.has(vsn)) {
      rejectUpgrade(socket, 400, {
        message: `unsupported protocol vsn "${vsn}" (use 1.0.0 or 2.0.0)`,
      });
      return;
    }
    const headerKey = req.headers.apikey;
    const apikey =
      url.searchParams.get('apikey') ?? (typeof headerKey === 'string' ? headerKey : undefined);
    resolveRequestAuth(ctx.config, { apikey, authorization: undefined })
      .then((result) => {
        if (!result.ok) {
          rejectUpgrade(socket, 401, {
            message: result.failure.message,
            code: result.failure.reason,
          });
          return;
        }
        closeWithServer((socket as Duplex & { server?: Server }).server);
        wss.handleUpgrade(req, socket, head, (ws) => {
          new Connection(ws, vsn, result.auth.token, deps);
        });
      })
      .catch((error: unknown) => {
        logger.error('realtime: upgrade failed', { error });
        rejectUpgrade(socket, 500, { message: 'upgrade failed' });
      });
  };

  const app = broadcastRoutes(ctx.config, hub);

  return {
    basePath: REALTIME_BASE_PATH,
    app,
    upgrade,
    reload: async () => {
      await installCapture(ctx.adminPool);
      await refreshTables();
    },
    close: async () => {
      await closeClients();
      await feed.stop();
      await dispatcher.idle();
    },
  };
}

function rejectUpgrade(
  socket: Duplex,
  status: 400 | 401 | 404 | 500,
  body: Record<string, string>,
): void {
  const text = JSON.stringify(body);
  const reason = {
    400: 'Bad Request',
    401: 'Unauthorized',
    404: 'Not Found',
    500: 'Internal Server Error',
  }[status];
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
