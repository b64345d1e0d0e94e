import { ProductHome } from '@alawein/app-kit';

export default function Home() {
  return (
    <ProductHome
      headline="Live It Iconic — lifestyle goods for automotive enthusiasts"
      summary="Live It Iconic is a lifestyle store for automotive enthusiasts: premium apparel and accessories in every size and colour, with live stock, orders you can follow and reviews from other customers."
    />
  );
}
