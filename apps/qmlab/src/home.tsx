import { ProductHome } from '@alawein/app-kit';
import { Link } from 'react-router-dom';

export default function Home() {
  return (
    <>
      <ProductHome
        headline="A quantum computing lab in your browser"
        summary="QMLab is a hands-on lab for learning quantum computing: build circuits from standard gates, simulate the state vector, read amplitudes, probabilities and Bloch spheres, and keep and share your circuits."
      />
      <p className="pb-8">
        <Link to="/lab" className="font-medium text-primary underline" data-testid="home-open-lab">
          Open the lab
        </Link>{' '}
        — no account needed to build and simulate; the whole builder works from the keyboard.
      </p>
    </>
  );
}
