// Body-composition and energy formulas (metric inputs).

export type Sex = 'male' | 'female';

export const ACTIVITY_FACTORS = {
  sedentary: 1.2,
  light: 1.375,
  moderate: 1.55,
  active: 1.725,
  very_active: 1.9,
} as const;

export type ActivityLevel = keyof typeof ACTIVITY_FACTORS;

/** Body-mass index: kg / m². */
export function bmi(weightKg: number, heightCm: number): number {
  assertPositive({ weightKg, heightCm });
  const heightM = heightCm / 100;
  return weightKg / (heightM * heightM);
}

/** WHO adult BMI category. */
export function bmiCategory(value: number): 'underweight' | 'normal' | 'overweight' | 'obese' {
  if (value < 18.5) return 'underweight';
  if (value < 25) return 'normal';
  if (value < 30) return 'overweight';
  return 'obese';
}

/** Resting metabolic rate (kcal/day) by Mifflin–St Jeor. */
export function mifflinStJeor(input: {
  weightKg: number;
  heightCm: number;
  ageYears: number;
  sex: Sex;
}): number {
  assertPositive({ weightKg: input.weightKg, heightCm: input.heightCm, ageYears: input.ageYears });
  const base = 10 * input.weightKg + 6.25 * input.heightCm - 5 * input.ageYears;
  return input.sex === 'male' ? base + 5 : base - 161;
}

/** Total daily energy expenditure: resting rate × activity factor. */
export function tdee(restingKcal: number, activity: ActivityLevel): number {
  return restingKcal * ACTIVITY_FACTORS[activity];
}

/** Lean body mass from weight and body-fat percentage (0–100). */
export function leanBodyMass(weightKg: number, bodyFatPercent: number): number {
  assertPositive({ weightKg });
  if (!(bodyFatPercent >= 0 && bodyFatPercent < 100)) {
    throw new RangeError('bodyFatPercent must be at least 0 and below 100');
  }
  return weightKg * (1 - bodyFatPercent / 100);
}

function assertPositive(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!(Number.isFinite(value) && value > 0))
      throw new RangeError(`${name} must be a positive number`);
  }
}
