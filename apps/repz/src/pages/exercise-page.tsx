import { ErrorFallback, Spinner } from '@alawein/ui';
import { useParams } from 'react-router-dom';
import { useExercisesQuery } from '../api/exercises.ts';
import { ExerciseProgress } from '../components/exercise-progress.tsx';
import { Page } from '@alawein/app-kit';

export default function ExercisePage() {
  const { id = '' } = useParams();
  const exercises = useExercisesQuery();
  if (exercises.isPending) return <Spinner label="Loading the exercise" />;
  if (exercises.isError)
    return (
      <ErrorFallback
        error={exercises.error}
        title="Could not load the exercise"
        onRetry={() => void exercises.refetch()}
      />
    );
  const exercise = exercises.data.find((candidate) => candidate.id === id);
  if (!exercise)
    return (
      <ErrorFallback
        error={new Error('No exercise with this id in your library.')}
        title="Exercise not found"
        onRetry={() => void exercises.refetch()}
      />
    );
  return (
    <Page title={exercise.name}>
      <p className="text-muted-fg">
        {exercise.muscle_group.replace('_', ' ')} · {exercise.equipment}
        {exercise.owner_id ? ' · your exercise' : ''}
      </p>
      <ExerciseProgress exerciseId={exercise.id} />
    </Page>
  );
}
