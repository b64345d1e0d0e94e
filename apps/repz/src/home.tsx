import { ProductHome } from '@alawein/app-kit';
import { Link } from 'react-router-dom';

const FEATURES = [
  {
    href: '/workouts/new',
    title: 'Log workouts fast',
    text: 'Search the exercise library, add sets from the keyboard, repeat a past session.',
  },
  {
    href: '/history',
    title: 'History',
    text: 'Every workout, filtered by date, to edit or repeat.',
  },
  {
    href: '/exercises',
    title: 'Progress per exercise',
    text: 'Best weight, volume and estimated one-rep max over 4 weeks to all time.',
  },
  {
    href: '/body',
    title: 'Body metrics',
    text: 'Weight and body fat per day, BMI, resting metabolic rate, TDEE and lean mass.',
  },
  {
    href: '/coach',
    title: 'Coaching',
    text: 'Invite clients with a code, follow their training and talk in real time.',
  },
  {
    href: '/photos',
    title: 'Progress photos',
    text: 'Private photos, shrunk on your device, seen only by you and your coach.',
  },
] as const;

export default function Home() {
  return (
    <>
      <ProductHome
        headline="Strength training log and coaching"
        summary="REPZ is a training log for lifters and the coaches who train them: workouts with sets, reps and weights, progress and personal records, body metrics, coach–client messaging and progress photos, in kilograms or pounds."
      />
      <ul
        className="grid max-w-4xl grid-cols-1 gap-4 pb-8 sm:grid-cols-2 lg:grid-cols-3"
        aria-label="Features"
      >
        {FEATURES.map((feature) => (
          <li key={feature.href} className="rounded-lg border border-border p-4">
            <Link to={feature.href} className="font-semibold underline">
              {feature.title}
            </Link>
            <p className="text-sm text-muted-fg">{feature.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
