import { ProductHome } from '@alawein/app-kit';

export default function Home() {
  return (
    <ProductHome
      headline="Strength training log and coaching"
      summary="REPZ is a training log for lifters and the coaches who train them: workouts with sets, reps and weights, progress and personal records, body metrics and coach–client messaging, in kilograms or pounds."
    />
  );
}
