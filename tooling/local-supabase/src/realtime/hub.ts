// Every joined channel of every connection, grouped by topic: broadcast relays to a topic's
// members, presence is kept per topic, and the dispatcher walks the channels with bindings.
import type { ServerChannel } from './channel.ts';
import { TopicPresence, type PresenceDiff } from './presence.ts';
import { encodeBroadcast, type BroadcastBody } from './protocol.ts';

export class Hub {
  private readonly topics = new Map<string, Set<ServerChannel>>();
  private readonly presence = new Map<string, TopicPresence<ServerChannel>>();

  add(channel: ServerChannel): void {
    const members = this.topics.get(channel.topic) ?? new Set();
    members.add(channel);
    this.topics.set(channel.topic, members);
    if (channel.options.presenceEnabled) {
      channel.push('presence_state', this.presence.get(channel.topic)?.state() ?? {});
    }
  }

  remove(channel: ServerChannel): void {
    channel.dispose();
    this.untrack(channel);
    const members = this.topics.get(channel.topic);
    members?.delete(channel);
    if (members?.size === 0) this.topics.delete(channel.topic);
  }

  /** Channels that listen to postgres_changes. */
  *changeSubscribers(): Iterable<ServerChannel> {
    for (const members of this.topics.values()) {
      for (const channel of members) if (channel.bindings.length > 0) yield channel;
    }
  }

  /** Relays a broadcast to the topic's members; the sender too when it asked for `self`. */
  broadcast(topic: string, userEvent: string, body: BroadcastBody, sender?: ServerChannel): void {
    const encoded = new Map<string, string | Buffer | undefined>();
    for (const member of this.topics.get(topic) ?? []) {
      if (member === sender && !member.options.broadcastSelf) continue;
      const vsn = member.connection.vsn;
      if (!encoded.has(vsn)) encoded.set(vsn, encodeBroadcast(topic, userEvent, body, vsn));
      member.connection.sendBroadcast(topic, encoded.get(vsn));
    }
  }

  track(channel: ServerChannel, payload: Record<string, unknown>): void {
    const presence = this.presence.get(channel.topic) ?? new TopicPresence<ServerChannel>();
    this.presence.set(channel.topic, presence);
    this.announce(channel.topic, presence.track(channel, channel.options.presenceKey, payload));
  }

  untrack(channel: ServerChannel): void {
    const presence = this.presence.get(channel.topic);
    const diff = presence?.untrack(channel);
    if (presence?.isEmpty) this.presence.delete(channel.topic);
    if (diff) this.announce(channel.topic, diff);
  }

  private announce(topic: string, diff: PresenceDiff): void {
    for (const member of this.topics.get(topic) ?? []) {
      if (member.options.presenceEnabled)
        member.push('presence_diff', diff as unknown as Record<string, unknown>);
    }
  }
}
