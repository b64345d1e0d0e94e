import { Link } from 'react-router-dom';
import { useCategoriesQuery, useFeaturedQuery } from '../api/catalogue.ts';
import { ProductGrid } from './product-grid.tsx';
import { QueryState } from '@alawein/app-kit';

/** The home page's categories and best-rated products (its own chunk, loaded after the hero). */
export default function HomeCatalogue() {
  const categories = useCategoriesQuery();
  const featured = useFeaturedQuery();
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-8 px-4 pb-8">
      <section aria-labelledby="categories-heading" className="flex flex-col gap-3">
        <h2 id="categories-heading" className="text-xl font-semibold">
          Shop by category
        </h2>
        <QueryState query={categories} label="categories">
          {(rows) => (
            <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {rows.map((category) => (
                <li key={category.id} className="rounded-lg border border-border p-4">
                  <Link to={`/shop?category=${category.slug}`} className="font-semibold underline">
                    {category.name}
                  </Link>
                  <p className="text-sm text-muted-fg">{category.description}</p>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="featured-heading" className="flex flex-col gap-3">
        <div className="flex items-center justify-between">
          <h2 id="featured-heading" className="text-xl font-semibold">
            Best rated
          </h2>
          <Link to="/shop" className="underline">
            See all products
          </Link>
        </div>
        <QueryState query={featured} label="featured products">
          {(rows) => <ProductGrid products={rows} label="Best rated products" />}
        </QueryState>
      </section>
    </div>
  );
}
