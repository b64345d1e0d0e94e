/** Longest side of an uploaded progress photo: plenty for a phone screen, ~100–300 KB as WebP. */
export const PHOTO_MAX_SIDE = 1600;

/**
 * The size to scale an image to so its longest side is at most `maxSide`, keeping the aspect ratio
 * (never enlarging; at least 1 px each way).
 */
export function fitWithin(
  width: number,
  height: number,
  maxSide = PHOTO_MAX_SIDE,
): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError('image size must be positive');
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Storage path of a new photo: `<user id>/<timestamp>.webp` (the bucket's policies key on the folder). */
export function photoPath(userId: string, now: Date = new Date()): string {
  return `${userId}/${now.toISOString().replace(/[:.]/g, '-')}.webp`;
}
