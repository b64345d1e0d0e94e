import { useUser } from '@alawein/supabase-client';
import { CartLines, usePricedCart } from '../components/cart-lines.tsx';
import { LinkButton, Page } from '@alawein/app-kit';

export default function CartPage() {
  const { lines } = usePricedCart();
  const signedIn = Boolean(useUser().data);
  return (
    <Page title="Cart">
      <CartLines />
      {lines.length > 0 && (
        <div className="flex flex-col items-end gap-2">
          {!signedIn && (
            <p className="text-sm text-muted-fg">
              Your cart is kept on this device; sign in at checkout to keep it in your account.
            </p>
          )}
          <LinkButton to="/checkout" variant="primary">
            Checkout
          </LinkButton>
        </div>
      )}
    </Page>
  );
}
