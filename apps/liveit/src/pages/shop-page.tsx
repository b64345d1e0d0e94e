import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, EmptyState, Field, Input, Pager, Select } from '@alawein/ui';
import {
  PAGE_SIZE,
  SORTS,
  useCategoriesQuery,
  useProductCardsQuery,
  type SortKey,
} from '../api/catalogue.ts';
import { ProductGrid } from '../components/product-grid.tsx';
import { Page, QueryState } from '@alawein/app-kit';

function isSortKey(value: string | null): value is SortKey {
  return value !== null && value in SORTS;
}

/** The catalogue: category, search, sort and paging live in the URL so results can be shared. */
export default function ShopPage() {
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? undefined;
  const q = params.get('q') ?? '';
  const sortParam = params.get('sort');
  const sort: SortKey = isSortKey(sortParam) ? sortParam : 'newest';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [search, setSearch] = useState(q);
  const categories = useCategoriesQuery();
  const products = useProductCardsQuery({ category, q, sort, page });

  function update(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }

  function onSearch(event: FormEvent) {
    event.preventDefault();
    update({ q: search.trim() || undefined });
  }

  const categoryName = categories.data?.find((c) => c.slug === category)?.name;
  return (
    <Page title={categoryName ?? 'All products'} wide>
      <div className="flex flex-wrap items-end gap-3">
        <form role="search" onSubmit={onSearch} className="flex items-end gap-2">
          <Field label="Search products">
            <Input
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </Field>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        <Field label="Category">
          <Select
            value={category ?? 'all'}
            onValueChange={(value) => update({ category: value === 'all' ? undefined : value })}
            options={[
              { value: 'all', label: 'All categories' },
              ...(categories.data ?? []).map((c) => ({ value: c.slug, label: c.name })),
            ]}
          />
        </Field>
        <Field label="Sort by">
          <Select
            value={sort}
            onValueChange={(value) => update({ sort: value === 'newest' ? undefined : value })}
            options={Object.entries(SORTS).map(([value, { label }]) => ({ value, label }))}
          />
        </Field>
      </div>
      <QueryState query={products} label="products">
        {({ items, total }) => {
          const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
          if (items.length === 0)
            return (
              <EmptyState
                title="No products found"
                description={q ? `Nothing matches “${q}”. Try another search.` : undefined}
                action={
                  <Button variant="secondary" onClick={() => setParams(new URLSearchParams())}>
                    Clear filters
                  </Button>
                }
              />
            );
          return (
            <>
              <p className="text-sm text-muted-fg" aria-live="polite">
                {total} {total === 1 ? 'product' : 'products'}
              </p>
              <ProductGrid products={items} label="Products" />
              <Pager page={page} pages={pages} onPage={(n) => update({ page: String(n) })} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
