import type { ChatMessage } from '@alawein/repz-domain';

export type { ChatMessage };

export interface MessageDay {
  /** YYYY-MM-DD in the viewer's time zone. */
  day: string;
  messages: ChatMessage[];
}

/** Local calendar day of an instant in `timeZone`. */
function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/**
 * A conversation as days of messages, oldest first, without duplicates (a message can arrive both
 * from the live channel and from a refetch).
 */
export function groupByDay(messages: readonly ChatMessage[], timeZone: string): MessageDay[] {
  const unique = new Map(messages.map((message) => [message.id, message]));
  const sorted = [...unique.values()].sort(
    (a, b) => a.sent_at.localeCompare(b.sent_at) || a.id.localeCompare(b.id),
  );
  const days: MessageDay[] = [];
  for (const message of sorted) {
    const day = dayIn(message.sent_at, timeZone);
    const last = days.at(-1);
    if (last?.day === day) last.messages.push(message);
    else days.push({ day, messages: [message] });
  }
  return days;
}

/** Ids of messages sent to `me` not yet marked read. */
export function unreadFor(messages: readonly ChatMessage[], me: string): string[] {
  return messages
    .filter((message) => message.recipient_id === me && message.read_at === null)
    .map((message) => message.id);
}
