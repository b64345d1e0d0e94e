import { describe, expect, it } from 'vitest';
import { displayWeight, inputFromKg, kgFromInput } from './weight-input.ts';

describe('kgFromInput', () => {
  it('keeps kilograms, rounded to 0.01 kg as stored', () => {
    expect(kgFromInput('100', 'kg')).toBe(100);
    expect(kgFromInput('62.555', 'kg')).toBe(62.56);
  });

  it('converts pounds to kilograms', () => {
    expect(kgFromInput('225', 'lb')).toBe(102.06); // 225 × 0.45359237 = 102.058…
    expect(kgFromInput('45', 'lb')).toBe(20.41);
  });

  it('accepts a decimal comma', () => {
    expect(kgFromInput('82,5', 'kg')).toBe(82.5);
  });

  it('gives null for an empty field and NaN for text that is not a number', () => {
    expect(kgFromInput('  ', 'kg')).toBeNull();
    expect(kgFromInput('heavy', 'lb')).toBeNaN();
  });
});

describe('inputFromKg', () => {
  it('prefills in the user unit with one decimal', () => {
    expect(inputFromKg(100, 'kg')).toBe('100');
    expect(inputFromKg(102.06, 'lb')).toBe('225');
    expect(inputFromKg(20, 'lb')).toBe('44.1');
    expect(inputFromKg(null, 'kg')).toBe('');
  });

  it('round-trips what a user typed in pounds', () => {
    for (const typed of ['135', '185', '225', '315', '42.5']) {
      expect(inputFromKg(kgFromInput(typed, 'lb'), 'lb')).toBe(typed);
    }
  });
});

describe('displayWeight', () => {
  it('converts for charts with one decimal', () => {
    expect(displayWeight(116.6667, 'kg')).toBe(116.7);
    expect(displayWeight(100, 'lb')).toBe(220.5);
  });
});
