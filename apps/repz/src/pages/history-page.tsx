import { WorkoutList } from '../components/workout-list.tsx';
import { LinkButton, Page } from '@alawein/app-kit';

export default function HistoryPage() {
  return (
    <Page
      title="History"
      actions={
        <LinkButton to="/workouts/new" variant="primary">
          Log a workout
        </LinkButton>
      }
    >
      <WorkoutList />
    </Page>
  );
}
