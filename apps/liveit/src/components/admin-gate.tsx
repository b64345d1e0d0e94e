import type { ReactNode } from 'react';
import { useUser } from '@alawein/supabase-client';
import { Spinner } from '@alawein/ui';
import { isAdmin } from '../lib/is-admin.ts';
import { LinkButton, Page } from '@alawein/app-kit';

/** Admin pages for shop admins; anyone else gets a 403 page (the API refuses them too). */
export function AdminGate({ children }: { children: ReactNode }) {
  const user = useUser();
  if (user.isPending) return <Spinner label="Checking your access" />;
  if (!isAdmin(user.data))
    return (
      <Page title="403 — Admins only">
        <p data-testid="forbidden">
          This part of LiveIt is for shop admins. Your account does not have access.
        </p>
        <LinkButton to="/shop" className="self-start">
          Back to the shop
        </LinkButton>
      </Page>
    );
  return <>{children}</>;
}

/** Links between the admin pages. */
export function AdminNav() {
  return (
    <nav aria-label="Admin" className="flex gap-3">
      <LinkButton to="/admin">Products and stock</LinkButton>
      <LinkButton to="/admin/orders">Orders</LinkButton>
    </nav>
  );
}
