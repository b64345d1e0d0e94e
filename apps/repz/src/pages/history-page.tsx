import { LinkButton } from '../components/link-button.tsx';
import { Page } from '../components/page.tsx';
import { WorkoutList } from '../components/workout-list.tsx';

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
