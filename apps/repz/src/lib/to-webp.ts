import { fitWithin } from './photo-size.ts';

const WEBP_QUALITY = 0.82;

/**
 * Decodes an image file, scales it so its longest side fits the upload limit and encodes it as WebP
 * (OffscreenCanvas where available, else a canvas element). Rejects files the browser cannot decode.
 */
export async function toWebp(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new Error('This file is not an image the browser can read (use JPEG, PNG or WebP).');
  });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
      return await canvas.convertToBlob({ type: 'image/webp', quality: WEBP_QUALITY });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('WebP encoding failed'))),
        'image/webp',
        WEBP_QUALITY,
      ),
    );
  } finally {
    bitmap.close();
  }
}
