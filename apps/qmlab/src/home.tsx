import { ProductHome } from '@alawein/app-kit';

export default function Home() {
  return (
    <ProductHome
      headline="A quantum computing lab in your browser"
      summary="QMLab is a hands-on lab for learning quantum computing: build circuits from standard gates, simulate the state vector, read amplitudes, probabilities and Bloch spheres, and keep and share your circuits."
    />
  );
}
