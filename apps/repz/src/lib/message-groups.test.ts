import { describe, expect, it } from 'vitest';
import { groupByDay, unreadFor, type ChatMessage } from './message-groups.ts';

const message = (
  id: string,
  sent_at: string,
  from = 'coach',
  to = 'client',
  read_at: string | null = null,
): ChatMessage => ({
  id,
  sender_id: from,
  recipient_id: to,
  body: `body ${id}`,
  sent_at,
  read_at,
});

describe('groupByDay', () => {
  it('orders messages and groups them by the viewer local day', () => {
    const days = groupByDay(
      [
        message('b', '2026-03-02T08:00:00Z'),
        message('a', '2026-03-01T23:30:00Z'),
        message('c', '2026-03-02T09:00:00Z'),
      ],
      'UTC',
    );
    expect(days.map((day) => [day.day, day.messages.map((m) => m.id)])).toEqual([
      ['2026-03-01', ['a']],
      ['2026-03-02', ['b', 'c']],
    ]);
  });

  it('uses the time zone: 23:30 UTC is already the next day in Paris', () => {
    const days = groupByDay(
      [message('a', '2026-03-01T23:30:00Z'), message('b', '2026-03-02T08:00:00Z')],
      'Europe/Paris',
    );
    expect(days).toHaveLength(1);
    expect(days[0]?.day).toBe('2026-03-02');
  });

  it('drops a message delivered twice (live channel and refetch)', () => {
    const days = groupByDay(
      [message('a', '2026-03-01T10:00:00Z'), message('a', '2026-03-01T10:00:00Z')],
      'UTC',
    );
    expect(days[0]?.messages).toHaveLength(1);
  });

  it('gives no days for no messages', () => {
    expect(groupByDay([], 'UTC')).toEqual([]);
  });
});

describe('unreadFor', () => {
  it('lists unread messages sent to me, not the ones I sent', () => {
    const all = [
      message('1', '2026-03-01T10:00:00Z', 'coach', 'client'),
      message('2', '2026-03-01T10:01:00Z', 'coach', 'client', '2026-03-01T11:00:00Z'),
      message('3', '2026-03-01T10:02:00Z', 'client', 'coach'),
    ];
    expect(unreadFor(all, 'client')).toEqual(['1']);
    expect(unreadFor(all, 'coach')).toEqual(['3']);
  });
});
