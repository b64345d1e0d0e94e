import { Dialog } from '@alawein/ui';
import { CartLines } from './cart-lines.tsx';
import { LinkButton } from '@alawein/app-kit';

/** The cart over the current page, opened after adding to it. */
export function CartDrawer({
  open,
  onOpenChange,
  added,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  added?: string;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Your cart"
      description={added ? `Added ${added}.` : undefined}
      size="lg"
      footer={
        <>
          <LinkButton to="/cart">View cart</LinkButton>
          <LinkButton to="/checkout" variant="primary">
            Checkout
          </LinkButton>
        </>
      }
    >
      <CartLines />
    </Dialog>
  );
}
