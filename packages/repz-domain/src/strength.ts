// Strength formulas. Weights are kilograms everywhere; the UI converts for display.

/** Reps above which rep-max estimates stop being meaningful (Brzycki diverges at 37). */
export const MAX_REPS_FOR_ESTIMATE = 36;

/** Epley estimated one-rep max: w × (1 + reps / 30); a single is its own 1RM. */
export function epley1rm(weightKg: number, reps: number): number | null {
  if (!isValidLift(weightKg, reps)) return null;
  if (reps === 1) return weightKg;
  return weightKg * (1 + reps / 30);
}

/** Brzycki estimated one-rep max: w × 36 / (37 − reps); a single is its own 1RM. */
export function brzycki1rm(weightKg: number, reps: number): number | null {
  if (!isValidLift(weightKg, reps)) return null;
  if (reps === 1) return weightKg;
  return (weightKg * 36) / (37 - reps);
}

/** Volume of one set: reps × weight (kg). */
export function setVolume(weightKg: number, reps: number): number {
  return weightKg * reps;
}

function isValidLift(weightKg: number, reps: number): boolean {
  return (
    Number.isFinite(weightKg) &&
    weightKg >= 0 &&
    Number.isInteger(reps) &&
    reps >= 1 &&
    reps <= MAX_REPS_FOR_ESTIMATE
  );
}
