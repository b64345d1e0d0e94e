import { describe, expect, it } from 'vitest';
import { localDay, previousDay, streakDays, streakFromDays } from './streak.ts';

describe('streaks', () => {
  it('count consecutive days across a month end', () => {
    const days = ['2026-02-27T18:00:00Z', '2026-02-28T07:00:00Z', '2026-03-01T06:00:00Z'];
    expect(streakDays(days, 'UTC', new Date('2026-03-01T10:00:00Z'))).toBe(3);
  });
  it('count 29 February in a leap year', () => {
    const days = ['2024-02-28T12:00:00Z', '2024-02-29T12:00:00Z', '2024-03-01T12:00:00Z'];
    expect(streakDays(days, 'UTC', new Date('2024-03-01T20:00:00Z'))).toBe(3);
  });
  it('continue across a year end', () => {
    expect(previousDay('2026-01-01')).toBe('2025-12-31');
    const days = ['2025-12-30T12:00:00Z', '2025-12-31T12:00:00Z', '2026-01-01T12:00:00Z'];
    expect(streakDays(days, 'UTC', new Date('2026-01-01T13:00:00Z'))).toBe(3);
  });
  it('are not broken before the day is over', () => {
    const days = ['2026-05-10T12:00:00Z', '2026-05-11T12:00:00Z'];
    expect(streakDays(days, 'UTC', new Date('2026-05-12T09:00:00Z'))).toBe(2);
  });
  it('are broken by a missed day', () => {
    const days = ['2026-05-08T12:00:00Z', '2026-05-10T12:00:00Z'];
    expect(streakDays(days, 'UTC', new Date('2026-05-10T20:00:00Z'))).toBe(1);
    expect(streakDays(days, 'UTC', new Date('2026-05-12T20:00:00Z'))).toBe(0);
  });
  it('use the user’s time zone, not UTC', () => {
    // 01:00Z and 13:30Z on 1 January are 12:00 on 1 January and 00:30 on 2 January in Sydney.
    const days = ['2026-01-01T01:00:00Z', '2026-01-01T13:30:00Z'];
    const now = new Date('2026-01-02T02:00:00Z');
    expect(localDay(days[1]!, 'Australia/Sydney')).toBe('2026-01-02');
    expect(streakDays(days, 'Australia/Sydney', now)).toBe(2);
    expect(streakDays(days, 'UTC', now)).toBe(1);
  });
  it('are zero with no workouts', () => {
    expect(streakDays([], 'Europe/Paris')).toBe(0);
  });
  it('count calendar days given directly', () => {
    expect(streakFromDays(['2026-03-01', '2026-02-28', '2026-02-26'], '2026-03-01')).toBe(2);
    expect(streakFromDays(['2026-02-28'], '2026-03-01')).toBe(1);
  });
});
