// One WebSocket client speaking the Phoenix protocol: heartbeat, join/leave, access_token refresh,
// broadcast and presence. Every frame gets an answer or is relayed; a bad frame gets an error
// reply and never takes the connection (or the server) down.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { WebSocket } from 'ws';
import type { Logger } from '@alawein/logger';
import { ServerChannel, type ChannelConnection } from './channel.ts';
import type { PostgresBinding } from './dispatcher.ts';
import { validateFilter } from './filter-sql.ts';
import { FilterSyntaxError, parseFilter } from './filters.ts';
import type { Hub } from './hub.ts';
import { resolveIdentity, type Identity } from './identity.ts';
import {
  decodeFrame,
  encodeFrame,
  type BroadcastBody,
  type BroadcastFrame,
  type Frame,
  type Vsn,
} from './protocol.ts';
import { tableKey, type PublishedTable } from './tables.ts';

export interface ConnectionDeps {
  hub: Hub;
  adminPool: Pool;
  jwtSecret: string;
  logger: Logger;
  tables: () => Map<string, PublishedTable>;
  nextBindingId: () => number;
}

const CHANGE_EVENTS = new Set(['*', 'INSERT', 'UPDATE', 'DELETE']);

class JoinError extends Error {}

export class Connection implements ChannelConnection {
  private readonly channels = new Map<string, ServerChannel>();
  /** Frames are handled one at a time, so a join finishes before the next frame on its topic. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: WebSocket,
    readonly vsn: Vsn,
    /** The connection's apikey: the identity of channels that send no access_token. */
    private readonly apiKey: string,
    private readonly deps: ConnectionDeps,
  ) {
    socket.on('message', (data, isBinary) => {
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      this.queue = this.queue
        .then(() => this.onMessage(buffer, isBinary))
        .catch((error: unknown) => {
          this.deps.logger.error('realtime: frame handling failed', { error });
        });
    });
    socket.on('close', () => this.closeAll());
    socket.on('error', () => this.closeAll());
  }

  send(frame: Frame): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(encodeFrame(frame, this.vsn));
  }

  sendBroadcast(_topic: string, data: string | Buffer | undefined): void {
    if (data !== undefined && this.socket.readyState === this.socket.OPEN) this.socket.send(data);
  }

  private async onMessage(data: Buffer, isBinary: boolean): Promise<void> {
    const decoded = decodeFrame(data, isBinary, this.vsn);
    if (!decoded.ok) {
      this.send({
        joinRef: decoded.joinRef,
        ref: decoded.ref,
        topic: decoded.topic ?? 'phoenix',
        event: 'phx_reply',
        payload: { status: 'error', response: { reason: decoded.reason } },
      });
      return;
    }
    const frame = decoded.frame;
    if (frame.topic === 'phoenix' && frame.event === 'heartbeat') {
      this.replyTo(frame, 'ok', {});
      return;
    }
    if (frame.event === 'phx_join') {
      await this.join(frame);
      return;
    }
    const channel = this.channels.get(frame.topic);
    if (!channel) {
      this.replyTo(frame, 'error', { reason: 'unmatched topic' });
      return;
    }
    switch (frame.event) {
      case 'phx_leave':
        this.leave(channel);
        channel.reply(frame.ref, 'ok', {});
        return;
      case 'access_token':
        await this.refreshToken(channel, frame);
        return;
      case 'broadcast':
        this.broadcast(channel, frame);
        return;
      case 'presence':
        this.presence(channel, frame);
        return;
      default:
        channel.reply(frame.ref, 'error', { reason: `unknown event "${frame.event}"` });
    }
  }

  private replyTo(frame: Frame, status: 'ok' | 'error', response: Record<string, unknown>): void {
    this.send({
      joinRef: frame.joinRef,
      ref: frame.ref,
      topic: frame.topic,
      event: 'phx_reply',
      payload: { status, response },
    });
  }

  private async join(frame: Frame): Promise<void> {
    const previous = this.channels.get(frame.topic);
    if (previous) {
      // Phoenix closes the older join of a topic the client joins again.
      previous.push('phx_close', {});
      this.leave(previous);
    }
    try {
      if (!frame.topic.startsWith('realtime:')) throw new JoinError('unmatched topic');
      const payload = frame.payload;
      const config = isObject(payload.config) ? payload.config : {};
      if (config.private === true) {
        throw new JoinError(
          'private channels (RLS on realtime.messages) are not supported by the local stack',
        );
      }
      const token = payload.access_token ?? this.apiKey;
      if (typeof token !== 'string') throw new JoinError('access_token must be a string');
      const identity = await resolveIdentity(token, this.deps.jwtSecret);
      if (!identity.ok) throw new JoinError(identity.message);
      const requested = config.postgres_changes ?? [];
      if (!Array.isArray(requested))
        throw new JoinError('config.postgres_changes must be an array');
      const { bindings, unpublished } = await this.parseBindings(requested);

      const broadcast = isObject(config.broadcast) ? config.broadcast : {};
      const presence = isObject(config.presence) ? config.presence : {};
      const channel = new ServerChannel(
        this,
        frame.topic,
        frame.joinRef,
        {
          broadcastSelf: broadcast.self === true,
          broadcastAck: broadcast.ack === true,
          presenceEnabled: presence.enabled === true,
          presenceKey:
            typeof presence.key === 'string' && presence.key !== '' ? presence.key : randomUUID(),
        },
        bindings,
        identity.identity,
      );
      this.arm(channel, identity.identity);
      this.channels.set(frame.topic, channel);
      channel.reply(frame.ref, 'ok', {
        postgres_changes: requested.map((binding, index) => ({
          ...(binding as object),
          id: bindings[index]!.id,
        })),
      });
      if (bindings.length > 0) {
        if (unpublished.length > 0) {
          channel.system(
            'postgres_changes',
            'error',
            `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: [${unpublished.join(', ')}]`,
          );
        } else {
          channel.system('postgres_changes', 'ok', 'Subscribed to PostgreSQL');
        }
      }
      // Changes are captured by triggers, so "replication" is ready as soon as the join is.
      if (broadcast.replication_ready === true)
        channel.system('system', 'ok', 'Replication connection established');
      this.deps.hub.add(channel);
    } catch (error) {
      if (!(error instanceof JoinError) && !(error instanceof FilterSyntaxError)) throw error;
      this.deps.logger.info('realtime: join refused', {
        topic: frame.topic,
        reason: error.message,
      });
      this.replyTo(frame, 'error', { reason: error.message });
    }
  }

  /** Validates the requested bindings; names the ones whose table is not in the publication. */
  private async parseBindings(
    requested: unknown[],
  ): Promise<{ bindings: PostgresBinding[]; unpublished: string[] }> {
    const tables = this.deps.tables();
    const bindings: PostgresBinding[] = [];
    const unpublished: string[] = [];
    for (const [index, raw] of requested.entries()) {
      const where = `config.postgres_changes[${index}]`;
      if (!isObject(raw)) throw new JoinError(`${where} must be an object`);
      const event = typeof raw.event === 'string' ? raw.event.toUpperCase() : undefined;
      if (!event || !CHANGE_EVENTS.has(event))
        throw new JoinError(`${where}.event must be one of *, INSERT, UPDATE, DELETE`);
      if (typeof raw.schema !== 'string' || raw.schema === '')
        throw new JoinError(`${where}.schema must be a non-empty string`);
      if (raw.table !== undefined && raw.table !== null && typeof raw.table !== 'string') {
        throw new JoinError(`${where}.table must be a string`);
      }
      if (raw.filter !== undefined && raw.filter !== null && typeof raw.filter !== 'string') {
        throw new JoinError(`${where}.filter must be a string`);
      }
      const tableName = typeof raw.table === 'string' && raw.table !== '*' ? raw.table : undefined;
      const filter = typeof raw.filter === 'string' && raw.filter !== '' ? raw.filter : undefined;
      if (filter !== undefined && tableName === undefined)
        throw new JoinError(`${where}.filter needs a table`);
      const conditions = filter === undefined ? undefined : parseFilter(filter);
      const table =
        tableName === undefined ? undefined : tables.get(tableKey(raw.schema, tableName));
      if (tableName !== undefined && !table) {
        unpublished.push(
          `event: ${event}, schema: ${raw.schema}, table: ${tableName}, filters: [${filter ?? ''}]`,
        );
      }
      if (table && conditions) await validateFilter(this.deps.adminPool, table, conditions);
      bindings.push({
        id: this.deps.nextBindingId(),
        event: event as PostgresBinding['event'],
        schema: raw.schema,
        table: tableName,
        conditions,
      });
    }
    return { bindings, unpublished };
  }

  /** Uses `identity` for the channel and closes the channel when it expires, as Supabase does. */
  private arm(channel: ServerChannel, identity: Identity): void {
    channel.setIdentity(identity, () => this.shutdown(channel, 'Token has expired'));
  }

  private async refreshToken(channel: ServerChannel, frame: Frame): Promise<void> {
    const token = frame.payload.access_token;
    if (typeof token !== 'string' || token === '') {
      this.shutdown(channel, 'access_token must be a non-empty string');
      return;
    }
    const identity = await resolveIdentity(token, this.deps.jwtSecret);
    if (!identity.ok) {
      this.shutdown(channel, identity.message);
      return;
    }
    this.arm(channel, identity.identity);
  }

  /** Ends a channel the way Supabase does: a `system` error message, then `phx_close`. */
  private shutdown(channel: ServerChannel, message: string): void {
    if (this.channels.get(channel.topic) !== channel) return;
    this.deps.logger.info('realtime: channel closed', { topic: channel.topic, reason: message });
    channel.system('system', 'error', message);
    channel.push('phx_close', {});
    this.leave(channel);
  }

  private broadcast(channel: ServerChannel, frame: Frame | BroadcastFrame): void {
    let userEvent: string;
    let body: BroadcastBody;
    if ('body' in frame) {
      userEvent = frame.userEvent;
      body = frame.body;
    } else {
      if (typeof frame.payload.event !== 'string') {
        channel.reply(frame.ref, 'error', { reason: 'broadcast payload needs an event (string)' });
        return;
      }
      userEvent = frame.payload.event;
      body = { encoding: 'json', value: frame.payload.payload ?? {} };
    }
    this.deps.hub.broadcast(channel.topic, userEvent, body, channel);
    if (channel.options.broadcastAck) channel.reply(frame.ref, 'ok', {});
  }

  private presence(channel: ServerChannel, frame: Frame): void {
    const { event, payload } = frame.payload;
    if (event === 'track') {
      this.deps.hub.track(channel, isObject(payload) ? payload : {});
    } else if (event === 'untrack') {
      this.deps.hub.untrack(channel);
    } else {
      channel.reply(frame.ref, 'error', { reason: 'presence event must be track or untrack' });
      return;
    }
    channel.reply(frame.ref, 'ok', {});
  }

  private leave(channel: ServerChannel): void {
    if (this.channels.get(channel.topic) === channel) this.channels.delete(channel.topic);
    this.deps.hub.remove(channel);
  }

  private closeAll(): void {
    for (const channel of [...this.channels.values()]) this.leave(channel);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
