import { lazy, Suspense } from 'react';
import { ProductHome } from '@alawein/app-kit';
import { Spinner } from '@alawein/ui';

// The catalogue sections load as their own chunk so the first page stays within its budget.
const HomeCatalogue = lazy(() => import('./components/home-catalogue.tsx'));

export default function Home() {
  return (
    <>
      <ProductHome
        headline="Live It Iconic — lifestyle goods for automotive enthusiasts"
        summary="Live It Iconic is a lifestyle store for automotive enthusiasts: premium apparel and accessories in every size and colour, with live stock, orders you can follow and reviews from other customers."
      />
      <Suspense fallback={<Spinner label="Loading the shop" />}>
        <HomeCatalogue />
      </Suspense>
    </>
  );
}
