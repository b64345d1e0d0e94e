// One joined channel of one connection: its topic, join_ref, options, postgres_changes bindings
// and the identity (access token) its RLS checks use.
import type { ChangePayload, ChangeSubscriber, PostgresBinding } from './dispatcher.ts';
import type { Identity } from './identity.ts';
import type { Frame } from './protocol.ts';

/** The part of a connection a channel needs. */
export interface ChannelConnection {
  send(frame: Frame): void;
  sendBroadcast(topic: string, data: string | Buffer | undefined): void;
  readonly vsn: '1.0.0' | '2.0.0';
}

export interface ChannelOptions {
  broadcastSelf: boolean;
  broadcastAck: boolean;
  presenceEnabled: boolean;
  presenceKey: string;
}

/** The longest delay setTimeout honours; later expiries are not scheduled. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class ServerChannel implements ChangeSubscriber {
  /** `realtime:` stripped, as Supabase names the channel in system messages. */
  readonly subTopic: string;
  private expiryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly connection: ChannelConnection,
    readonly topic: string,
    readonly joinRef: string | null,
    readonly options: ChannelOptions,
    readonly bindings: readonly PostgresBinding[],
    private currentIdentity: Identity,
  ) {
    this.subTopic = topic.replace(/^realtime:/, '');
  }

  get identity(): Identity {
    return this.currentIdentity;
  }

  /** Switches to a refreshed token and re-arms the expiry timer. */
  setIdentity(identity: Identity, onExpired: () => void): void {
    this.currentIdentity = identity;
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    if (identity.expiresAt === undefined) return;
    const delay = identity.expiresAt * 1000 - Date.now();
    if (delay < MAX_TIMER_MS) this.expiryTimer = setTimeout(onExpired, Math.max(0, delay));
  }

  push(event: string, payload: Record<string, unknown>): void {
    this.connection.send({ joinRef: this.joinRef, ref: null, topic: this.topic, event, payload });
  }

  reply(ref: string | null, status: 'ok' | 'error', response: Record<string, unknown>): void {
    this.connection.send({
      joinRef: this.joinRef,
      ref,
      topic: this.topic,
      event: 'phx_reply',
      payload: { status, response },
    });
  }

  /** A `system` message, e.g. the postgres_changes subscription result. */
  system(extension: string, status: 'ok' | 'error', message: string): void {
    this.push('system', { extension, status, message, channel: this.subTopic });
  }

  deliver(payload: ChangePayload): void {
    this.push('postgres_changes', payload as unknown as Record<string, unknown>);
  }

  dispose(): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
  }
}
