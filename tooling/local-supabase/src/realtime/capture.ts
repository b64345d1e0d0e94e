// Change capture: installs the NOTIFY triggers (capture.sql) and listens for committed changes.
//
// Why triggers + NOTIFY rather than logical decoding (the stack's PostgreSQL does run with
// wal_level=logical): consuming a slot needs the replication protocol and a pgoutput decoder, or
// an output plugin such as wal2json that embedded PostgreSQL does not ship; a slot retains WAL
// for as long as the stack is stopped; and rows would arrive as text to re-type. A trigger gets the
// row as JSON (to_jsonb) with the right types, NOTIFY is delivered at commit and in commit order
// to a plain connection, and nothing accumulates while nobody listens. The one limit, 8000 bytes
// per NOTIFY payload, is handled by parking big changes in realtime.change_overflow and notifying
// their id. The cost: one AFTER ROW trigger on each published table of the local database.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Pool } from 'pg';
import type { Logger } from '@alawein/logger';

const CAPTURE_SQL = readFileSync(new URL('./capture.sql', import.meta.url), 'utf8');
const CHANGES_CHANNEL = 'realtime_changes';
const SCHEMA_CHANNEL = 'realtime_schema';

export type ChangeType = 'INSERT' | 'UPDATE' | 'DELETE';

/** One committed row change, as the capture trigger reported it. */
export interface CapturedChange {
  schema: string;
  table: string;
  type: ChangeType;
  record: Record<string, unknown> | null;
  old_record: Record<string, unknown> | null;
  /** When the listener heard the commit (ISO 8601, UTC), as Realtime's commit_timestamp. */
  commitTimestamp: string;
  /** The change as JSON text; SQL reads key values from it so large integers stay exact. */
  json: string;
}

/** Installs or refreshes the capture triggers; idempotent. Needs a superuser pool (event trigger). */
export async function installCapture(adminPool: Pool): Promise<void> {
  await adminPool.query(CAPTURE_SQL);
}

export interface ChangeFeedOptions {
  dbUrl: string;
  adminPool: Pool;
  logger: Logger;
  onChange: (change: CapturedChange) => void;
  /** A table joined or left the publication, or a table's definition changed. */
  onSchemaChange: () => void;
}

/** A dedicated LISTEN connection that reconnects until stopped. */
export class ChangeFeed {
  private client: pg.Client | undefined;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** Serialises overflow look-ups so changes keep their commit order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: ChangeFeedOptions) {}

  async start(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.dbUrl,
      application_name: 'local-supabase realtime',
    });
    client.on('error', (error) => this.onConnectionLost(error));
    client.on('end', () => this.onConnectionLost(new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === SCHEMA_CHANNEL) this.options.onSchemaChange();
      else if (message.channel === CHANGES_CHANNEL && message.payload)
        this.enqueue(message.payload);
    });
    await client.connect();
    await client.query(`listen ${CHANGES_CHANNEL}; listen ${SCHEMA_CHANNEL}`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
    await this.queue;
  }

  private enqueue(payload: string): void {
    const commitTimestamp = new Date().toISOString();
    this.queue = this.queue
      .then(async () => {
        const json = await this.resolvePayload(payload);
        if (json === undefined) return;
        const parsed = JSON.parse(json) as Omit<CapturedChange, 'commitTimestamp' | 'json'>;
        this.options.onChange({ ...parsed, commitTimestamp, json });
      })
      .catch((error: unknown) => {
        this.options.logger.error('realtime: could not read a captured change', { error });
      });
  }

  private async resolvePayload(payload: string): Promise<string | undefined> {
    if (!payload.startsWith('{"overflow"')) return payload;
    const { overflow } = JSON.parse(payload) as { overflow: number };
    const { rows } = await this.options.adminPool.query<{ payload: string }>(
      'delete from realtime.change_overflow where id = $1 returning payload::text as payload',
      [overflow],
    );
    return rows[0]?.payload;
  }

  private onConnectionLost(error: Error): void {
    if (this.stopped || !this.client) return;
    this.options.logger.warn('realtime: change feed connection lost, reconnecting', {
      error: error.message,
    });
    const lost = this.client;
    this.client = undefined;
    lost.removeAllListeners();
    void lost.end().catch(() => undefined);
    const retry = (): void => {
      if (this.stopped) return;
      this.start()
        .then(() => this.options.onSchemaChange())
        .catch(() => {
          this.reconnectTimer = setTimeout(retry, 1000);
        });
    };
    this.reconnectTimer = setTimeout(retry, 200);
  }
}
