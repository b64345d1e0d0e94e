// Per-exercise progress: the day-by-day series the charts draw and the records over the period.
import { brzycki1rm, epley1rm, setVolume } from './strength.ts';

export interface LoggedSet {
  /** Calendar day (YYYY-MM-DD) in the athlete's time zone. */
  day: string;
  reps: number;
  weight_kg: number;
}

export interface ProgressPoint {
  date: string;
  max_weight_kg: number;
  volume_kg: number;
  e1rm_epley_kg: number | null;
  e1rm_brzycki_kg: number | null;
}

export interface PersonalRecords {
  max_weight_kg: number | null;
  /** The highest single-day volume. */
  max_volume_kg: number | null;
  /** The highest Epley estimate (Brzycki agrees at 10 reps and is lower below). */
  max_e1rm_kg: number | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

const maxOrNull = (values: readonly (number | null)[]): number | null => {
  let best: number | null = null;
  for (const value of values) if (value !== null && (best === null || value > best)) best = value;
  return best;
};

/** Groups sets by day (ascending) and computes best weight, volume and estimated 1RMs per day. */
export function progressPoints(sets: readonly LoggedSet[]): ProgressPoint[] {
  const byDay = new Map<string, LoggedSet[]>();
  for (const set of sets) {
    const list = byDay.get(set.day);
    if (list) list.push(set);
    else byDay.set(set.day, [set]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, daySets]) => {
      const epley = maxOrNull(daySets.map((s) => epley1rm(s.weight_kg, s.reps)));
      const brzycki = maxOrNull(daySets.map((s) => brzycki1rm(s.weight_kg, s.reps)));
      return {
        date,
        max_weight_kg: round2(Math.max(...daySets.map((s) => s.weight_kg))),
        volume_kg: round2(daySets.reduce((sum, s) => sum + setVolume(s.weight_kg, s.reps), 0)),
        e1rm_epley_kg: epley === null ? null : round2(epley),
        e1rm_brzycki_kg: brzycki === null ? null : round2(brzycki),
      };
    });
}

/** The period's records, read off its points. */
export function personalRecords(points: readonly ProgressPoint[]): PersonalRecords {
  return {
    max_weight_kg: maxOrNull(points.map((p) => p.max_weight_kg)),
    max_volume_kg: maxOrNull(points.map((p) => p.volume_kg)),
    max_e1rm_kg: maxOrNull(points.map((p) => p.e1rm_epley_kg)),
  };
}
