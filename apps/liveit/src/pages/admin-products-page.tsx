import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Button, EmptyState, Field, Input, Select, errorMessage } from '@alawein/ui';
import { PRODUCT_STATUSES, formatCents, type ProductStatus } from '@alawein/liveit-domain';
import {
  useAdjustStockMutation,
  useAdminProductsQuery,
  useUpdateProductMutation,
  useUploadImageMutation,
  type AdminProduct,
} from '../api/admin.ts';
import { AdminGate, AdminNav } from '../components/admin-gate.tsx';
import { Page } from '../components/page.tsx';
import { QueryState } from '../components/query-state.tsx';
import { variantLabel } from '../lib/variant-label.ts';

type AdminVariant = AdminProduct['liveit_variants'][number];

function StockForm({ variant, productName }: { variant: AdminVariant; productName: string }) {
  const adjust = useAdjustStockMutation();
  const [value, setValue] = useState(String(variant.stock_on_hand));
  const label = `${productName} ${variantLabel(variant)}`;
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const stock = Number(value);
    if (!Number.isInteger(stock) || stock < 0) return;
    adjust.mutate({ id: variant.id, body: { stock_on_hand: stock } });
  }
  const invalid = !/^\d+$/.test(value.trim());
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" noValidate>
      <label className="flex items-center gap-2 text-sm">
        <span className="sr-only">On hand for {label}</span>
        <input
          type="number"
          min={0}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={invalid}
          className="h-8 w-20 rounded-control border border-control-border bg-bg px-2"
          data-testid={`stock-input-${variant.sku}`}
        />
      </label>
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        disabled={invalid}
        loading={adjust.isPending}
      >
        Set stock<span className="sr-only"> of {label}</span>
      </Button>
      {adjust.isError && (
        <span role="alert" className="text-sm text-danger">
          {errorMessage(adjust.error)}
        </span>
      )}
      {adjust.isSuccess && (
        <span role="status" className="text-sm">
          Saved
        </span>
      )}
    </form>
  );
}

function ImageUpload({ product }: { product: AdminProduct }) {
  const upload = useUploadImageMutation();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [altError, setAltError] = useState<string>();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    if (!alt.trim()) {
      setAltError('Describe the picture for people who cannot see it');
      return;
    }
    setAltError(undefined);
    upload.mutate(
      {
        product: {
          id: product.id,
          slug: product.slug,
          imageCount: product.liveit_product_images.length,
        },
        file,
        alt: alt.trim(),
      },
      { onSuccess: () => setAlt('') },
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
      <Field label="New picture (WebP, AVIF, JPEG or PNG)">
        <Input
          type="file"
          accept="image/webp,image/avif,image/jpeg,image/png"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </Field>
      <Field label="Alt text" error={altError}>
        <Input value={alt} onChange={(event) => setAlt(event.target.value)} />
      </Field>
      <Button type="submit" size="sm" disabled={!file} loading={upload.isPending}>
        Upload
      </Button>
      {upload.isError && (
        <span role="alert" className="text-sm text-danger">
          {errorMessage(upload.error)}
        </span>
      )}
    </form>
  );
}

function ProductRow({ product }: { product: AdminProduct }) {
  const update = useUpdateProductMutation();
  const variants = [...product.liveit_variants].sort((a, b) => a.position - b.position);
  return (
    <li
      className="flex flex-col gap-3 rounded-lg border border-border p-4"
      data-testid="admin-product"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">
          <Link to={`/products/${product.slug}`} className="underline">
            {product.name}
          </Link>
        </h2>
        <Field label="Status">
          <Select
            value={product.status}
            options={PRODUCT_STATUSES.map((s) => ({ value: s, label: s }))}
            onValueChange={(status) =>
              update.mutate({ id: product.id, body: { status: status as ProductStatus } })
            }
          />
        </Field>
      </div>
      {update.isError && (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(update.error)}
        </p>
      )}
      <table className="w-full text-sm">
        <caption className="sr-only">Variants of {product.name}</caption>
        <thead>
          <tr className="text-left">
            <th scope="col">SKU</th>
            <th scope="col">Variant</th>
            <th scope="col">Price</th>
            <th scope="col">Reserved</th>
            <th scope="col">Available</th>
            <th scope="col">On hand</th>
          </tr>
        </thead>
        <tbody>
          {variants.map((variant) => (
            <tr key={variant.id} className="border-t border-border">
              <th scope="row" className="py-2 text-left font-normal">
                {variant.sku}
              </th>
              <td>{variantLabel(variant)}</td>
              <td>{formatCents(variant.price_cents)}</td>
              <td>{variant.stock_reserved}</td>
              <td>{variant.stock_available}</td>
              <td>
                <StockForm variant={variant} productName={product.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-muted-fg">{product.liveit_product_images.length} pictures</p>
      <ImageUpload product={product} />
    </li>
  );
}

function AdminProducts() {
  const products = useAdminProductsQuery();
  const [q, setQ] = useState('');
  return (
    <Page title="Admin: products and stock" wide actions={<AdminNav />}>
      <Field label="Filter products">
        <Input type="search" value={q} onChange={(event) => setQ(event.target.value)} />
      </Field>
      <QueryState query={products} label="products">
        {(rows) => {
          const shown = rows.filter((p) => p.name.toLowerCase().includes(q.trim().toLowerCase()));
          return shown.length === 0 ? (
            <EmptyState title="No products match" />
          ) : (
            <ul className="flex flex-col gap-4" aria-label="Products">
              {shown.map((product) => (
                <ProductRow key={product.id} product={product} />
              ))}
            </ul>
          );
        }}
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
