// Training streaks count calendar days in the user's own time zone, so a workout at 23:30 in
// Sydney is "today" there even though it is already tomorrow in UTC.

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(instant: Date | string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** The day before a YYYY-MM-DD day, computed on the calendar (month and year ends included). */
export function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Consecutive active days (YYYY-MM-DD) ending `today`, or ending the day before when today has no
 * workout yet (a streak is not broken until the day is over).
 */
export function streakFromDays(activeDays: Iterable<string>, today: string): number {
  const days = new Set(activeDays);
  let day = days.has(today) ? today : previousDay(today);
  let count = 0;
  while (days.has(day)) {
    count += 1;
    day = previousDay(day);
  }
  return count;
}

/** The streak of workouts given as instants, counted in calendar days of `timeZone`. */
export function streakDays(
  activeInstants: Iterable<Date | string>,
  timeZone: string,
  now: Date = new Date(),
): number {
  const days: string[] = [];
  for (const instant of activeInstants) days.push(localDay(instant, timeZone));
  return streakFromDays(days, localDay(now, timeZone));
}
