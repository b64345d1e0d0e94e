import { describe, expect, it } from 'vitest';
import { bmi, bmiCategory, leanBodyMass, mifflinStJeor, tdee } from './body.ts';

describe('body metrics', () => {
  it('BMI of 70 kg at 175 cm is 22.86 (normal)', () => {
    expect(bmi(70, 175)).toBeCloseTo(22.857, 3);
    expect(bmiCategory(bmi(70, 175))).toBe('normal');
  });
  it('BMI categories follow the WHO cut-offs', () => {
    expect(bmiCategory(18.49)).toBe('underweight');
    expect(bmiCategory(18.5)).toBe('normal');
    expect(bmiCategory(25)).toBe('overweight');
    expect(bmiCategory(30)).toBe('obese');
  });
  it('Mifflin–St Jeor: 1648.75 kcal for a 30-year-old man, 70 kg, 175 cm', () => {
    expect(mifflinStJeor({ weightKg: 70, heightCm: 175, ageYears: 30, sex: 'male' })).toBeCloseTo(
      1648.75,
      6,
    );
  });
  it('Mifflin–St Jeor: 1345.25 kcal for a 25-year-old woman, 60 kg, 165 cm', () => {
    expect(mifflinStJeor({ weightKg: 60, heightCm: 165, ageYears: 25, sex: 'female' })).toBeCloseTo(
      1345.25,
      6,
    );
  });
  it('TDEE multiplies the resting rate by the activity factor', () => {
    expect(tdee(1648.75, 'moderate')).toBeCloseTo(2555.5625, 6);
    expect(tdee(1000, 'sedentary')).toBeCloseTo(1200, 6);
    expect(tdee(1000, 'very_active')).toBeCloseTo(1900, 6);
  });
  it('lean body mass of 80 kg at 20 % fat is 64 kg', () => {
    expect(leanBodyMass(80, 20)).toBeCloseTo(64, 6);
  });
  it('rejects impossible inputs with a named field', () => {
    expect(() => bmi(70, 0)).toThrow(/heightCm/);
    expect(() => leanBodyMass(80, 100)).toThrow(/bodyFatPercent/);
    expect(() => mifflinStJeor({ weightKg: 70, heightCm: 175, ageYears: -1, sex: 'male' })).toThrow(
      /ageYears/,
    );
  });
});
