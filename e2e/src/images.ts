// Whether an <img> really loaded, read in the page (this package has no DOM types).
import type { Locator } from '@playwright/test';

interface LoadedImage {
  complete: boolean;
  naturalWidth: number;
}

/** The decoded width of an <img>, 0 until it has loaded. */
export const naturalWidth = (img: Locator): Promise<number> =>
  img.evaluate<number, undefined, LoadedImage>(
    (element) => (element.complete ? element.naturalWidth : 0),
    undefined,
  );
