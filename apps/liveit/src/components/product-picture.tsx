import { useApp } from '@alawein/app-kit';
import { imageSources, type ImageRef } from '@alawein/liveit-domain';

/**
 * A product image from the bucket: AVIF, then WebP `srcset`s at the widths the image was rendered
 * at, the original as fallback; lazy unless it is the page's main image.
 */
export function ProductPicture({
  image,
  alt,
  sizes,
  priority = false,
  className = '',
}: {
  image: ImageRef;
  alt: string;
  sizes: string;
  priority?: boolean;
  className?: string;
}) {
  const { supabaseUrl } = useApp().env;
  const sources = imageSources(supabaseUrl, image);
  return (
    <picture>
      {sources.avif && <source type="image/avif" srcSet={sources.avif} sizes={sizes} />}
      {sources.webp && <source type="image/webp" srcSet={sources.webp} sizes={sizes} />}
      <img
        src={sources.src}
        alt={alt}
        width={800}
        height={800}
        sizes={sizes}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
        fetchPriority={priority ? 'high' : 'auto'}
        className={`aspect-square w-full rounded-lg bg-muted object-cover ${className}`}
      />
    </picture>
  );
}
