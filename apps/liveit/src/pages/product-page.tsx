import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, EmptyState, errorMessage } from '@alawein/ui';
import { LIMITS, formatCents } from '@alawein/liveit-domain';
import { useProductQuery, type ProductDetail, type Variant } from '../api/catalogue.ts';
import { useCart } from '../api/cart.ts';
import { useLiveStock } from '../api/live-stock.ts';
import { CartDrawer } from '../components/cart-drawer.tsx';
import { ProductPicture } from '../components/product-picture.tsx';
import { Rating } from '../components/rating.tsx';
import { Reviews } from '../components/reviews.tsx';
import { VariantPicker } from '../components/variant-picker.tsx';
import { stockLabel } from '../lib/stock.ts';
import { variantLabel } from '../lib/variant-label.ts';
import { LinkButton, Page, QueryState } from '@alawein/app-kit';

function Gallery({ product }: { product: ProductDetail }) {
  const images = product.liveit_product_images;
  const [index, setIndex] = useState(0);
  const current = images[Math.min(index, images.length - 1)];
  if (!current) return null;
  return (
    <div className="flex flex-col gap-3">
      <ProductPicture
        image={current}
        alt={current.alt}
        sizes="(min-width: 768px) 50vw, 100vw"
        priority
      />
      {images.length > 1 && (
        <ul className="flex gap-2" aria-label="More pictures">
          {images.map((image, i) => (
            <li key={image.id} className="w-20">
              <button
                type="button"
                onClick={() => setIndex(i)}
                aria-pressed={i === index}
                aria-label={`Show picture ${i + 1}: ${image.alt}`}
                className="rounded-lg aria-pressed:ring-2 aria-pressed:ring-primary"
              >
                <ProductPicture image={image} alt="" sizes="80px" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function firstInStock(variants: Variant[]): Variant | undefined {
  return variants.find((v) => (v.stock_available ?? 0) > 0) ?? variants[0];
}

function Purchase({ product }: { product: ProductDetail }) {
  const variants = product.liveit_variants;
  const initial = firstInStock(variants);
  const [choice, setChoice] = useState({
    size: initial?.size ?? null,
    colour: initial?.colour ?? null,
  });
  const [quantity, setQuantity] = useState(1);
  const [drawer, setDrawer] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cart = useCart();
  const variant = variants.find((v) => v.size === choice.size && v.colour === choice.colour);
  const available = variant?.stock_available ?? 0;
  const inCart = cart.lines.find((l) => l.variant_id === variant?.id)?.quantity ?? 0;
  const canAdd = Boolean(variant) && available > 0 && inCart + quantity <= available;

  async function addToCart() {
    if (!variant) return;
    setError(null);
    try {
      await cart.add(variant.id, quantity);
      setDrawer(`${quantity} × ${product.name} (${variantLabel(variant)})`);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-2xl font-semibold" data-testid="price">
        {variant ? formatCents(variant.price_cents) : 'Not available in this combination'}
      </p>
      <VariantPicker
        variants={variants}
        size={choice.size}
        colour={choice.colour}
        onChange={(next) => {
          setChoice(next);
          setQuantity(1);
        }}
      />
      <p
        aria-live="polite"
        data-testid="stock"
        className={available > 0 ? 'font-medium' : 'font-medium text-danger'}
      >
        {variant ? stockLabel(available) : 'Sold out'}
      </p>
      <div className="flex items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Quantity
          <input
            type="number"
            min={1}
            max={Math.max(1, Math.min(available, LIMITS.quantityPerLine))}
            value={quantity}
            onChange={(event) =>
              setQuantity(Math.max(1, Number.parseInt(event.target.value, 10) || 1))
            }
            className="h-10 w-20 rounded-control border border-control-border bg-bg px-2"
          />
        </label>
        <Button onClick={() => void addToCart()} disabled={!canAdd} loading={cart.isSaving}>
          Add to cart
        </Button>
      </div>
      {variant && available > 0 && inCart + quantity > available && (
        <p role="status" className="text-sm">
          You already have {inCart} in your cart; {available} available.
        </p>
      )}
      {error && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
      <CartDrawer
        open={drawer !== null}
        onOpenChange={(open) => !open && setDrawer(null)}
        added={drawer ?? undefined}
      />
    </div>
  );
}

function ProductView({ product }: { product: ProductDetail }) {
  const live = useLiveStock(product.slug, product.id);
  // One row per product: PostgREST embeds it as an object (product_id is its key) though the
  // generated types say array; concat reads either.
  const ratings = ([] as ProductDetail['liveit_product_ratings']).concat(
    product.liveit_product_ratings,
  )[0];
  return (
    <Page title={product.name} wide>
      <div className="grid gap-8 md:grid-cols-2">
        <Gallery product={product} />
        <div className="flex flex-col gap-4">
          {product.liveit_categories && (
            <p className="text-sm text-muted-fg">{product.liveit_categories.name}</p>
          )}
          <Rating average={ratings?.average_rating ?? null} count={ratings?.review_count ?? 0} />
          {ratings && ratings.review_count > 0 && (
            <ul className="flex flex-col text-sm" aria-label="Ratings by stars">
              {([5, 4, 3, 2, 1] as const).map((stars) => (
                <li key={stars}>
                  {stars} {stars === 1 ? 'star' : 'stars'}: {ratings[`count_${stars}`]}
                </li>
              ))}
            </ul>
          )}
          <p className="whitespace-pre-line">{product.description}</p>
          <Purchase product={product} />
          <p className="text-xs text-muted-fg" data-testid="live-stock-state">
            {live ? 'Stock updates live' : 'Connecting for live stock…'}
          </p>
        </div>
      </div>
      <Reviews productId={product.id} slug={product.slug} />
    </Page>
  );
}

export default function ProductPage() {
  const { slug = '' } = useParams();
  const product = useProductQuery(slug);
  return (
    <QueryState query={product} label="the product">
      {(data) =>
        data ? (
          <ProductView product={data} />
        ) : (
          <Page title="Product not found">
            <EmptyState
              title="This product is not in the shop"
              description="It may have been removed, or the link is mistyped."
              action={<LinkButton to="/shop">Browse products</LinkButton>}
            />
          </Page>
        )
      }
    </QueryState>
  );
}
