import { describe, expect, it } from 'vitest';
import { fitWithin, PHOTO_MAX_SIDE, photoPath } from './photo-size.ts';

describe('fitWithin', () => {
  it('scales the longest side down to the limit, keeping the aspect ratio', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: PHOTO_MAX_SIDE, height: 1200 });
    expect(fitWithin(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(2400, 1200, 1600)).toEqual({ width: 1600, height: 800 });
  });

  it('never enlarges a small image', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('keeps at least one pixel on a very thin image', () => {
    expect(fitWithin(10_000, 2, 1000)).toEqual({ width: 1000, height: 1 });
  });

  it('rejects an empty image', () => {
    expect(() => fitWithin(0, 100)).toThrow(RangeError);
  });
});

describe('photoPath', () => {
  it('puts the photo in the owner folder with a sortable timestamp name', () => {
    expect(photoPath('7f1c', new Date('2026-03-01T08:09:10.123Z'))).toBe(
      '7f1c/2026-03-01T08-09-10-123Z.webp',
    );
  });
});
