import { describe, expect, it } from 'vitest';
import { brzycki1rm, epley1rm, setVolume } from './strength.ts';

describe('estimated one-rep max', () => {
  it('Epley gives 116.7 kg for 100 kg × 5', () => {
    expect(epley1rm(100, 5)).toBeCloseTo(116.667, 3);
  });
  it('Brzycki gives 112.5 kg for 100 kg × 5', () => {
    expect(brzycki1rm(100, 5)).toBeCloseTo(112.5, 6);
  });
  it('Epley and Brzycki agree at ten reps (133.3 kg for 100 kg × 10)', () => {
    expect(epley1rm(100, 10)).toBeCloseTo(133.333, 3);
    expect(brzycki1rm(100, 10)).toBeCloseTo(133.333, 3);
  });
  it('a single is its own one-rep max', () => {
    expect(epley1rm(142.5, 1)).toBe(142.5);
    expect(brzycki1rm(142.5, 1)).toBe(142.5);
  });
  it('refuses reps where the formulas break down, and nonsense input', () => {
    expect(brzycki1rm(50, 37)).toBeNull();
    expect(epley1rm(50, 0)).toBeNull();
    expect(epley1rm(-5, 3)).toBeNull();
    expect(epley1rm(50, 2.5)).toBeNull();
    expect(epley1rm(Number.NaN, 3)).toBeNull();
  });
  it('volume of a set is reps × weight', () => {
    expect(setVolume(82.5, 8)).toBe(660);
  });
});
