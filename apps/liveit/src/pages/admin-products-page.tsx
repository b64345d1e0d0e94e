import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, EmptyState, Field, Input } from '@alawein/ui';
import { formatCents, type ProductStatus } from '@alawein/liveit-domain';
import { useAdminProductsQuery, type AdminProduct } from '../api/admin.ts';
import { useCategoriesQuery, type Category } from '../api/catalogue.ts';
import { AdminGate, AdminNav } from '../components/admin-gate.tsx';
import { ProductEditor } from '../components/admin/product-editor.tsx';
import { NewProductForm, STATUS_LABELS } from '../components/admin/product-form.tsx';
import { Page, QueryState } from '@alawein/app-kit';

function summary(product: AdminProduct): string {
  const prices = product.liveit_variants.map((v) => v.price_cents);
  const available = product.liveit_variants.reduce((sum, v) => sum + (v.stock_available ?? 0), 0);
  const count = product.liveit_variants.length;
  if (count === 0) return 'No variants';
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const price = low === high ? formatCents(low) : `${formatCents(low)}–${formatCents(high)}`;
  return `${count} ${count === 1 ? 'variant' : 'variants'} · ${price} · ${available} available`;
}

/** One product in the list; its editor opens under it (one at a time, kept in the URL). */
function ProductRow({
  product,
  categories,
  open,
  focusOnOpen,
  onToggle,
}: {
  product: AdminProduct;
  categories: readonly Category[];
  open: boolean;
  focusOnOpen: boolean;
  onToggle: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open && focusOnOpen) heading.current?.focus();
  }, [open, focusOnOpen]);
  const editorId = `product-${product.id}-editor`;
  const category = categories.find((c) => c.id === product.category_id)?.name;
  return (
    <li
      className="flex flex-col gap-3 rounded-lg border border-border p-4"
      data-testid="admin-product"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold break-words">
            <Link to={`/products/${product.slug}`} className="underline">
              {product.name}
            </Link>
          </h2>
          <p className="text-sm text-muted-fg">
            <span
              className="mr-2 inline-block rounded-full border border-border px-2 text-fg"
              data-testid="product-status"
            >
              {STATUS_LABELS[product.status as ProductStatus] ?? product.status}
            </span>
            {category && `${category} · `}
            {summary(product)}
          </p>
        </div>
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls={editorId}
          onClick={onToggle}
        >
          {open ? 'Close' : 'Edit'}
          <span className="sr-only"> {product.name}</span>
        </Button>
      </div>
      {open && (
        <div id={editorId}>
          <ProductEditor product={product} categories={categories} />
        </div>
      )}
    </li>
  );
}

function AdminProducts() {
  const products = useAdminProductsQuery();
  const categories = useCategoriesQuery();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [justCreated, setJustCreated] = useState<string>();
  const editing = params.get('edit');

  function edit(id: string | null) {
    const next = new URLSearchParams(params);
    if (id) next.set('edit', id);
    else next.delete('edit');
    setParams(next, { replace: true });
  }

  return (
    <Page title="Admin: products and stock" wide actions={<AdminNav />}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Field label="Filter products" className="grow sm:max-w-sm">
          <Input type="search" value={q} onChange={(event) => setQ(event.target.value)} />
        </Field>
        <Button
          aria-expanded={creating}
          aria-controls="new-product"
          onClick={() => setCreating(!creating)}
        >
          {creating ? 'Close new product' : 'New product'}
        </Button>
      </div>
      <QueryState query={categories} label="categories">
        {(categoryRows) => (
          <>
            {creating && (
              <section id="new-product" aria-labelledby="new-product-heading">
                <h2 id="new-product-heading" className="mb-3 text-lg font-semibold">
                  New product
                </h2>
                <NewProductForm
                  categories={categoryRows}
                  onCreated={(product) => {
                    setCreating(false);
                    setQ('');
                    setJustCreated(product.id);
                    edit(product.id);
                  }}
                />
              </section>
            )}
            <QueryState query={products} label="products">
              {(rows) => {
                const text = q.trim().toLowerCase();
                const shown = rows.filter((p) => p.name.toLowerCase().includes(text));
                return shown.length === 0 ? (
                  <EmptyState title="No products match" />
                ) : (
                  <ul className="flex flex-col gap-4" aria-label="Products">
                    {shown.map((product) => (
                      <ProductRow
                        key={product.id}
                        product={product}
                        categories={categoryRows}
                        open={editing === product.id}
                        focusOnOpen={justCreated === product.id}
                        onToggle={() => edit(editing === product.id ? null : product.id)}
                      />
                    ))}
                  </ul>
                );
              }}
            </QueryState>
          </>
        )}
      </QueryState>
    </Page>
  );
}

export default function AdminProductsPage() {
  return (
    <AdminGate>
      <AdminProducts />
    </AdminGate>
  );
}
