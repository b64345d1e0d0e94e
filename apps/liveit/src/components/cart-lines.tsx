import { Link } from 'react-router-dom';
import { Button, EmptyState, ErrorFallback, Spinner } from '@alawein/ui';
import { LIMITS, computeTotals, formatCents } from '@alawein/liveit-domain';
import { useCart, useCartVariantsQuery, type CartLine, type CartVariant } from '../api/cart.ts';
import { stockLabel } from '../lib/stock.ts';
import { variantLabel } from '../lib/variant-label.ts';
import { LinkButton } from '@alawein/app-kit';

export interface PricedCartLine extends CartLine {
  variant: CartVariant;
}

/** The cart's lines joined with their variants; lines whose variant is gone are left out. */
export function usePricedCart() {
  const cart = useCart();
  const variants = useCartVariantsQuery(cart.lines.map((line) => line.variant_id));
  const lines: PricedCartLine[] = cart.lines.flatMap((line) => {
    const variant = variants.data?.find((v) => v.id === line.variant_id);
    return variant ? [{ ...line, variant }] : [];
  });
  const totals = computeTotals(
    lines.map((line) => ({ unit_price_cents: line.variant.price_cents, quantity: line.quantity })),
  );
  return {
    cart,
    lines,
    totals,
    isPending: cart.isPending || (cart.lines.length > 0 && variants.isPending),
    error: cart.error ?? variants.error,
    retry: () => {
      cart.refetch();
      void variants.refetch();
    },
  };
}

/** The cart as a list with quantity steppers and removal; used by the drawer and the cart page. */
export function CartLines({ editable = true }: { editable?: boolean }) {
  const { cart, lines, totals, isPending, error, retry } = usePricedCart();
  if (isPending) return <Spinner label="Loading your cart" />;
  if (error)
    return <ErrorFallback error={error} title="Could not load your cart" onRetry={retry} />;
  if (lines.length === 0)
    return (
      <EmptyState
        title="Your cart is empty"
        description="Pick a size and colour on a product page to add it."
        action={<LinkButton to="/shop">Browse products</LinkButton>}
      />
    );
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col divide-y divide-border" aria-label="Cart items">
        {lines.map((line) => {
          const product = line.variant.liveit_products;
          const name = product?.name ?? line.variant.sku;
          const available = line.variant.stock_available ?? 0;
          return (
            <li
              key={line.variant_id}
              className="flex flex-wrap items-center justify-between gap-3 py-3"
              data-testid="cart-line"
            >
              <div className="flex flex-col">
                {product ? (
                  <Link to={`/products/${product.slug}`} className="font-medium underline">
                    {name}
                  </Link>
                ) : (
                  <span className="font-medium">{name}</span>
                )}
                <span className="text-sm text-muted-fg">
                  {variantLabel(line.variant)} · {formatCents(line.variant.price_cents)} each
                </span>
                {line.quantity > available && (
                  <span className="text-sm text-danger" role="status">
                    {stockLabel(available)}
                  </span>
                )}
              </div>
              <div className="flex items-center gap-2">
                {editable ? (
                  <>
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`One fewer ${name}`}
                      disabled={cart.isSaving}
                      onClick={() => void cart.setQuantity(line.variant_id, line.quantity - 1)}
                    >
                      −
                    </Button>
                    <span aria-label={`Quantity of ${name}`} className="w-8 text-center">
                      {line.quantity}
                    </span>
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`One more ${name}`}
                      disabled={cart.isSaving || line.quantity >= LIMITS.quantityPerLine}
                      onClick={() => void cart.setQuantity(line.variant_id, line.quantity + 1)}
                    >
                      +
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={cart.isSaving}
                      onClick={() => void cart.setQuantity(line.variant_id, 0)}
                    >
                      Remove<span className="sr-only"> {name}</span>
                    </Button>
                  </>
                ) : (
                  <span>× {line.quantity}</span>
                )}
                <span className="w-24 text-right font-medium">
                  {formatCents(line.variant.price_cents * line.quantity)}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
      <p className="flex justify-between font-semibold">
        <span>Subtotal</span>
        <span data-testid="cart-subtotal">{formatCents(totals.subtotal_cents)}</span>
      </p>
    </div>
  );
}
