import { Link } from 'react-router-dom';
import { ProductHome } from '@alawein/app-kit';

export default function Home() {
  return (
    <>
      <ProductHome
        headline="Interactive physics simulations in your browser"
        summary="SimCore is an interactive laboratory for students, educators and researchers who want to see physics happen: statistical physics, quantum dynamics, band structures and spin dynamics, computed live in the browser with your runs kept in your account."
      />
      <p>
        <Link
          to="/modules"
          className="font-medium text-primary underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          data-testid="home-gallery"
        >
          Browse the simulation modules
        </Link>{' '}
        — no account needed to run them.
      </p>
    </>
  );
}
