// Routes captured changes to subscribed channels: binding match (schema, table, event), filters
// (evaluated in SQL on the changed row), then one RLS check per distinct subscriber identity and
// table for the whole batch of changes that arrived together. Several batches may be checked at
// once, but their deliveries go out in batch order, so every channel sees changes in commit order.
import type { Pool } from 'pg';
import type { Logger } from '@alawein/logger';
import type { CapturedChange, ChangeType } from './capture.ts';
import { buildFilterQuery, validateFilter } from './filter-sql.ts';
import type { FilterCondition } from './filters.ts';
import type { Identity } from './identity.ts';
import { checkVisibility } from './rls.ts';
import { tableKey, type PublishedTable } from './tables.ts';

export interface PostgresBinding {
  /** The server id echoed in the join reply and in every change's `ids`. */
  id: number;
  event: '*' | ChangeType;
  schema: string;
  table: string | undefined;
  conditions: FilterCondition[] | undefined;
}

/** The `payload` of a `postgres_changes` message. */
export interface ChangePayload {
  ids: number[];
  data: {
    schema: string;
    table: string;
    commit_timestamp: string;
    type: ChangeType;
    record?: Record<string, unknown>;
    old_record?: Record<string, unknown>;
    columns: { name: string; type: string }[];
    errors: null;
  };
}

/** A joined channel with postgres_changes bindings. */
export interface ChangeSubscriber {
  readonly bindings: readonly PostgresBinding[];
  readonly identity: Identity;
  deliver(payload: ChangePayload): void;
}

export interface DispatcherOptions {
  adminPool: Pool;
  apiPool: Pool;
  logger: Logger;
  subscribers: () => Iterable<ChangeSubscriber>;
  tables: () => Map<string, PublishedTable>;
  /** Re-reads table metadata, e.g. when a change arrives for a table not known yet. */
  refreshTables: () => Promise<void>;
}

interface Candidate {
  subscriber: ChangeSubscriber;
  ids: number[];
}

/** Batches checked at the same time; their deliveries still go out one batch after another. */
const MAX_BATCHES_IN_FLIGHT = 4;

type Delivery = { subscriber: ChangeSubscriber; payload: ChangePayload };

export class ChangeDispatcher {
  private pending: CapturedChange[] = [];
  private readonly filterChecks = new WeakMap<
    PostgresBinding,
    { table: PublishedTable; fits: Promise<boolean> }
  >();
  private inFlight = 0;
  private scheduled = false;
  /** Deliveries, chained in batch (commit) order. */
  private delivered: Promise<void> = Promise.resolve();

  constructor(private readonly options: DispatcherOptions) {}

  push(change: CapturedChange): void {
    this.pending.push(change);
    this.schedule();
  }

  /** Resolves once every change pushed so far has been delivered. */
  async idle(): Promise<void> {
    while (this.pending.length > 0 || this.inFlight > 0) {
      await this.delivered;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Let every notification already received join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.startBatch();
    });
  }

  /**
   * Starts checking the pending changes while earlier batches are still in their RLS checks, so a
   * burst does not queue behind one round trip after another; delivery order stays commit order.
   */
  private startBatch(): void {
    if (this.pending.length === 0 || this.inFlight >= MAX_BATCHES_IN_FLIGHT) return;
    const batch = this.pending;
    this.pending = [];
    this.inFlight++;
    const prepared = this.prepareBatch(batch).catch((error: unknown) => {
      this.options.logger.error('realtime: delivering changes failed', { error });
      return [] as Delivery[];
    });
    this.delivered = this.delivered
      .then(async () => {
        for (const { subscriber, payload } of await prepared) subscriber.deliver(payload);
      })
      .catch((error: unknown) => {
        this.options.logger.error('realtime: sending changes failed', { error });
      })
      .finally(() => {
        this.inFlight--;
        if (this.pending.length > 0) this.schedule();
      });
  }

  /** Works out who receives which change of the batch. */
  private async prepareBatch(batch: CapturedChange[]): Promise<Delivery[]> {
    const subscribers = [...this.options.subscribers()];
    if (subscribers.length === 0) return [];
    let tables = this.options.tables();
    if (batch.some((change) => !tables.has(tableKey(change.schema, change.table)))) {
      await this.options.refreshTables();
      tables = this.options.tables();
    }

    const work = batch.map((change) => ({
      change,
      table: tables.get(tableKey(change.schema, change.table)),
      candidates: [] as Candidate[],
    }));
    const byTable = new Map<PublishedTable, typeof work>();
    for (const item of work) {
      if (!item.table) continue;
      const items = byTable.get(item.table) ?? [];
      items.push(item);
      byTable.set(item.table, items);
    }
    await Promise.all(
      [...byTable].map(async ([table, items]) => {
        const matches = items.map((item) => wantedBindings(item.change, table, subscribers));
        const passed = await this.evaluateFilters(
          table,
          items.map((item) => item.change),
          matches,
        );
        items.forEach((item, index) => {
          item.candidates = groupBySubscriber(
            matches[index]!.filter(
              ({ binding }, position) => !binding.conditions || passed[index]![position],
            ),
          );
        });
      }),
    );

    // One RLS transaction per (identity, table), covering all of that table's changes in the batch.
    const groups = new Map<
      string,
      { identity: Identity; table: PublishedTable; changes: Set<number> }
    >();
    work.forEach((item, index) => {
      if (!item.table) return;
      for (const { subscriber } of item.candidates) {
        const key = `${subscriber.identity.key}\u0000${item.table.qualifiedName}`;
        const group = groups.get(key) ?? {
          identity: subscriber.identity,
          table: item.table,
          changes: new Set<number>(),
        };
        group.changes.add(index);
        groups.set(key, group);
      }
    });
    const visibility = new Map<string, Set<number>>();
    await Promise.all(
      [...groups].map(async ([key, group]) => {
        const visible = new Set<number>();
        try {
          const indexes = [...group.changes];
          const changes = indexes.map((index) => work[index]!.change);
          const answers = await checkVisibility(
            this.options.apiPool,
            group.identity,
            group.table,
            changes,
          );
          answers.forEach((ok, position) => {
            if (ok) visible.add(indexes[position]!);
          });
        } catch (error) {
          this.options.logger.warn('realtime: RLS check failed; change withheld', {
            table: group.table.qualifiedName,
            role: group.identity.role,
            error: (error as Error).message,
          });
        }
        visibility.set(key, visible);
      }),
    );

    const deliveries: Delivery[] = [];
    work.forEach((item, index) => {
      if (!item.table) return;
      const payload = payloadFor(item.change, item.table);
      for (const { subscriber, ids } of item.candidates) {
        const key = `${subscriber.identity.key}\u0000${item.table.qualifiedName}`;
        if (visibility.get(key)?.has(index))
          deliveries.push({ subscriber, payload: { ids, data: payload } });
      }
    });
    return deliveries;
  }

  /**
   * For each change and each of its matches, whether the binding's filter passes; one query per
   * table and batch, evaluating every distinct filter on every changed row.
   */
  /**
   * Whether a binding's filter fits the table as it is now (checked at join, but the table may have
   * joined the publication or changed since); a filter that does not fit matches nothing.
   */
  private filterFits(binding: PostgresBinding, table: PublishedTable): Promise<boolean> {
    const known = this.filterChecks.get(binding);
    if (known?.table === table) return known.fits;
    const fits = validateFilter(this.options.adminPool, table, binding.conditions ?? []).then(
      () => true,
      (error: unknown) => {
        this.options.logger.warn('realtime: filter does not fit its table; it matches nothing', {
          table: table.qualifiedName,
          error: (error as Error).message,
        });
        return false;
      },
    );
    this.filterChecks.set(binding, { table, fits });
    return fits;
  }

  private async evaluateFilters(
    table: PublishedTable,
    changes: CapturedChange[],
    matches: Match[][],
  ): Promise<boolean[][]> {
    const filtered = [
      ...new Set(matches.flat().flatMap(({ binding }) => (binding.conditions ? [binding] : []))),
    ];
    const valid = await Promise.all(filtered.map((binding) => this.filterFits(binding, table)));
    const filters = filtered.filter((_, index) => valid[index]);
    const answers = new Map<number, Record<string, boolean>>();
    if (filters.length > 0) {
      const query = buildFilterQuery(
        table,
        changes.map((change) => change.json),
        filters.map((binding) => binding.conditions!),
      );
      try {
        const { rows } = await this.options.adminPool.query<
          Record<string, boolean> & { i: string }
        >(query);
        for (const row of rows) answers.set(Number(row.i) - 1, row);
      } catch (error) {
        this.options.logger.warn('realtime: evaluating filters failed', {
          error: (error as Error).message,
        });
      }
    }
    return matches.map((list, index) =>
      list.map(
        ({ binding }) =>
          !binding.conditions || answers.get(index)?.[`f${filters.indexOf(binding)}`] === true,
      ),
    );
  }
}

interface Match {
  subscriber: ChangeSubscriber;
  binding: PostgresBinding;
}

/** The bindings whose event, schema and table want this change (filters are checked later). */
function wantedBindings(
  change: CapturedChange,
  table: PublishedTable,
  subscribers: ChangeSubscriber[],
): Match[] {
  // A DELETE is filtered on what the client receives of the old row, as in Supabase (where
  // "delete events are not filterable" on columns outside the replica identity).
  const oldColumns =
    change.type === 'DELETE' ? new Set(Object.keys(oldRecordFor(change, table) ?? {})) : undefined;
  const matches: Match[] = [];
  for (const subscriber of subscribers) {
    for (const binding of subscriber.bindings) {
      if (!bindingWants(binding, change)) continue;
      if (
        oldColumns &&
        !(binding.conditions ?? []).every((condition) => oldColumns.has(condition.column))
      )
        continue;
      matches.push({ subscriber, binding });
    }
  }
  return matches;
}

function groupBySubscriber(matches: Match[]): Candidate[] {
  const bySubscriber = new Map<ChangeSubscriber, number[]>();
  for (const { subscriber, binding } of matches) {
    const ids = bySubscriber.get(subscriber) ?? [];
    ids.push(binding.id);
    bySubscriber.set(subscriber, ids);
  }
  return [...bySubscriber].map(([subscriber, ids]) => ({ subscriber, ids }));
}

function bindingWants(binding: PostgresBinding, change: CapturedChange): boolean {
  return (
    (binding.event === '*' || binding.event === change.type) &&
    (binding.schema === '*' || binding.schema === change.schema) &&
    (binding.table === undefined || binding.table === '*' || binding.table === change.table)
  );
}

/**
 * The change as Supabase's Realtime sends it. The old row carries only the primary key unless the
 * table has REPLICA IDENTITY FULL and no RLS (Supabase hides old values of RLS tables, since a
 * deleted row can no longer be checked against policies).
 */
export function payloadFor(change: CapturedChange, table: PublishedTable): ChangePayload['data'] {
  const data: ChangePayload['data'] = {
    schema: change.schema,
    table: change.table,
    commit_timestamp: change.commitTimestamp,
    type: change.type,
    columns: table.columns.map(({ name, type }) => ({ name, type })),
    errors: null,
  };
  if (change.record) data.record = inColumnOrder(change.record, table);
  const oldRecord = oldRecordFor(change, table);
  if (oldRecord) data.old_record = oldRecord;
  return data;
}

/** jsonb sorts keys by length; Supabase lists a row's columns in table order. */
function inColumnOrder(
  row: Record<string, unknown>,
  table: PublishedTable,
): Record<string, unknown> {
  return Object.fromEntries(
    table.columns.filter(({ name }) => name in row).map(({ name }) => [name, row[name]]),
  );
}

function oldRecordFor(
  change: CapturedChange,
  table: PublishedTable,
): Record<string, unknown> | undefined {
  if (!change.old_record) return undefined;
  if (table.replicaIdentityFull && !table.rlsEnabled)
    return inColumnOrder(change.old_record, table);
  return Object.fromEntries(
    table.primaryKey.map((column) => [column, change.old_record?.[column]]),
  );
}
