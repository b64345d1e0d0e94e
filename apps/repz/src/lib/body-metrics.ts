import {
  bmi,
  leanBodyMass,
  mifflinStJeor,
  tdee,
  type ActivityLevel,
  type Sex,
} from '@alawein/repz-domain';

interface Entry {
  day: string;
  body_weight_kg: number | null;
  body_fat_pct: number | null;
}

interface Profile {
  height_cm: number | null;
  sex: Sex | null;
  activity_level: ActivityLevel;
}

export interface BodyMetrics {
  weightKg: number | null;
  bmi: number | null;
  leanKg: number | null;
  rmr: number | null;
  tdee: number | null;
}

/**
 * The derived numbers from the latest logged weight and body fat and the body profile; each is null
 * when an input it needs is missing (no height, no birth date…), so the page can say what to add.
 */
export function bodyMetrics(
  entries: readonly Entry[],
  profile: Profile | null,
  ageYears: number | null,
): BodyMetrics {
  const latest = <K extends 'body_weight_kg' | 'body_fat_pct'>(key: K) =>
    [...entries].reverse().find((entry) => entry[key] !== null)?.[key] ?? null;
  const weightKg = latest('body_weight_kg');
  const fat = latest('body_fat_pct');
  const height = profile?.height_cm ?? null;
  const rmr =
    weightKg !== null && height !== null && profile?.sex && ageYears !== null && ageYears > 0
      ? mifflinStJeor({ weightKg, heightCm: height, ageYears, sex: profile.sex })
      : null;
  return {
    weightKg,
    bmi: weightKg !== null && height !== null ? bmi(weightKg, height) : null,
    leanKg: weightKg !== null && fat !== null ? leanBodyMass(weightKg, fat) : null,
    rmr,
    tdee: rmr !== null && profile ? tdee(rmr, profile.activity_level) : null,
  };
}
