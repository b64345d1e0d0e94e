// Product images live in the public bucket `liveit-product-images`. An image row names its
// original (`<product slug>/<name>.<ext>`) and the widths it was also rendered at; each width
// exists as `<product slug>/<name>-<width>.avif` and `.webp`, for a responsive srcset.

export const PRODUCT_IMAGES_BUCKET = 'liveit-product-images';

export interface ImageRef {
  storage_path: string;
  widths: readonly number[];
}

export interface ImageSources {
  /** Fallback `src`: the original. */
  src: string;
  /** `srcset` per type, widest last; empty when the image has no rendered widths. */
  avif: string;
  webp: string;
}

/** Public URL of an object: `<supabase url>/storage/v1/object/public/<bucket>/<path>`. */
export function publicImageUrl(supabaseUrl: string, storagePath: string): string {
  const base = supabaseUrl.replace(/\/+$/, '');
  const encoded = storagePath.split('/').map(encodeURIComponent).join('/');
  return `${base}/storage/v1/object/public/${PRODUCT_IMAGES_BUCKET}/${encoded}`;
}

/** The sized object path: ("tee/front.webp", 480, "avif") → "tee/front-480.avif". */
export function sizedImagePath(
  storagePath: string,
  width: number,
  format: 'avif' | 'webp',
): string {
  return `${storagePath.replace(/\.[a-z0-9]+$/i, '')}-${width}.${format}`;
}

/** Every object a picture occupies in the bucket: the original and each sized AVIF and WebP. */
export function imageObjectPaths(image: ImageRef): string[] {
  return [
    image.storage_path,
    ...image.widths.flatMap((width) =>
      (['avif', 'webp'] as const).map((format) =>
        sizedImagePath(image.storage_path, width, format),
      ),
    ),
  ];
}

/** `src` and `srcset`s for <picture>: AVIF first, WebP next, the original as the fallback. */
export function imageSources(supabaseUrl: string, image: ImageRef): ImageSources {
  const widths = [...image.widths].sort((a, b) => a - b);
  const srcset = (format: 'avif' | 'webp') =>
    widths
      .map(
        (w) =>
          `${publicImageUrl(supabaseUrl, sizedImagePath(image.storage_path, w, format))} ${w}w`,
      )
      .join(', ');
  return {
    src: publicImageUrl(supabaseUrl, image.storage_path),
    avif: srcset('avif'),
    webp: srcset('webp'),
  };
}
