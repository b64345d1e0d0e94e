import { ProductHome } from '@alawein/app-kit';

export default function Home() {
  return (
    <ProductHome
      headline="Interactive physics simulations in your browser"
      summary="SimCore is an interactive laboratory for students, educators and researchers who want to see physics happen: statistical physics, quantum dynamics, band structures and spin dynamics, computed live in the browser with your runs kept in your account."
    />
  );
}
