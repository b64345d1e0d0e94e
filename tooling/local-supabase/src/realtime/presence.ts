// Presence for one topic, as Phoenix.Presence reports it: `presence_state` on join, then
// `presence_diff` {joins, leaves} keyed by presence key, each entry `{metas: [{phx_ref, ...}]}`.
import { randomBytes } from 'node:crypto';

export interface PresenceMeta extends Record<string, unknown> {
  phx_ref: string;
  phx_ref_prev?: string;
}

export type PresenceEntries = Record<string, { metas: PresenceMeta[] }>;

export interface PresenceDiff {
  joins: PresenceEntries;
  leaves: PresenceEntries;
}

/** What one topic's members have tracked; `M` identifies a member (its channel). */
export class TopicPresence<M> {
  private readonly tracked = new Map<M, { key: string; meta: PresenceMeta }>();

  get isEmpty(): boolean {
    return this.tracked.size === 0;
  }

  state(): PresenceEntries {
    const entries: PresenceEntries = {};
    for (const { key, meta } of this.tracked.values())
      (entries[key] ??= { metas: [] }).metas.push(meta);
    return entries;
  }

  /** Tracks (or replaces) `member`'s presence under `key`. */
  track(member: M, key: string, payload: Record<string, unknown>): PresenceDiff {
    const previous = this.tracked.get(member);
    const meta: PresenceMeta = { ...payload, phx_ref: newRef() };
    if (previous) meta.phx_ref_prev = previous.meta.phx_ref;
    this.tracked.set(member, { key, meta });
    const diff: PresenceDiff = { joins: { [key]: { metas: [meta] } }, leaves: {} };
    if (previous) diff.leaves[previous.key] = { metas: [previous.meta] };
    return diff;
  }

  /** Forgets `member`; undefined when it tracked nothing. */
  untrack(member: M): PresenceDiff | undefined {
    const previous = this.tracked.get(member);
    if (!previous) return undefined;
    this.tracked.delete(member);
    return { joins: {}, leaves: { [previous.key]: { metas: [previous.meta] } } };
  }
}

function newRef(): string {
  return randomBytes(9).toString('base64url');
}
