import { Link } from 'react-router-dom';
import { formatCents } from '@alawein/liveit-domain';
import type { ProductCard } from '../api/catalogue.ts';
import { stockLabel } from '../lib/stock.ts';
import { ProductPicture } from './product-picture.tsx';
import { Rating } from './rating.tsx';

function priceRange(card: ProductCard): string {
  if (card.min_price_cents === null) return '';
  return card.max_price_cents !== null && card.max_price_cents !== card.min_price_cents
    ? `From ${formatCents(card.min_price_cents)}`
    : formatCents(card.min_price_cents);
}

/** Product cards; each is one link (name) with the picture, price, rating and stock. */
export function ProductGrid({ products, label }: { products: ProductCard[]; label: string }) {
  return (
    <ul className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-4" aria-label={label}>
      {products.map((card) => (
        <li
          key={card.id}
          className="relative flex flex-col gap-2 rounded-lg border border-border p-3"
          data-testid="product-card"
        >
          {card.image_path && (
            <ProductPicture
              image={{ storage_path: card.image_path, widths: card.image_widths ?? [] }}
              alt={card.image_alt ?? ''}
              sizes="(min-width: 1024px) 25vw, (min-width: 768px) 33vw, 50vw"
            />
          )}
          <Link
            to={`/products/${card.slug}`}
            className="font-semibold underline-offset-2 after:absolute after:inset-0 hover:underline"
          >
            {card.name}
          </Link>
          <p className="font-medium">{priceRange(card)}</p>
          <Rating average={card.average_rating} count={card.review_count} />
          <p className="text-sm text-muted-fg">{stockLabel(card.stock_available ?? 0)}</p>
        </li>
      ))}
    </ul>
  );
}
