import type { ImgHTMLAttributes } from 'react';

export interface ImageProps extends Omit<
  ImgHTMLAttributes<HTMLImageElement>,
  'src' | 'srcSet' | 'width' | 'height' | 'alt' | 'loading'
> {
  /** Fallback image (JPEG/PNG) for browsers without WebP. */
  src: string;
  /** Fallback srcset, e.g. "a-480.jpg 480w, a-960.jpg 960w". */
  srcSet?: string;
  /** WebP version: a URL or a srcset with width descriptors. */
  webp: string;
  /** Required: describe the image, or "" when it is purely decorative. */
  alt: string;
  /** Intrinsic size, required so the browser reserves space and the layout does not shift. */
  width: number;
  height: number;
  /** For the largest above-the-fold image only: load eagerly with high fetch priority. */
  priority?: boolean;
}

/**
 * <picture> that serves WebP with a fallback, lazy-loads and decodes off the main thread,
 * and always carries width/height (no layout shift).
 */
export function Image({
  src,
  srcSet,
  webp,
  alt,
  width,
  height,
  priority = false,
  sizes,
  ...rest
}: ImageProps) {
  return (
    <picture>
      <source type="image/webp" srcSet={webp} sizes={sizes} />
      <img
        {...rest}
        src={src}
        srcSet={srcSet}
        sizes={sizes}
        alt={alt}
        width={width}
        height={height}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
        fetchPriority={priority ? 'high' : rest.fetchPriority}
      />
    </picture>
  );
}
