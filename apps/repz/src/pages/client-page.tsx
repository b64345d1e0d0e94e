import { ErrorFallback, Field, Spinner } from '@alawein/ui';
import { useParams, useSearchParams } from 'react-router-dom';
import { activePartners, useCoachLinksQuery } from '../api/coach.ts';
import { useExercisesQuery } from '../api/exercises.ts';
import { useMe } from '../api/use-me.ts';
import { ExerciseProgress } from '../components/exercise-progress.tsx';
import { NativeSelect } from '../components/native-select.tsx';
import { PhotoGallery } from '../components/photo-gallery.tsx';
import { WorkoutList } from '../components/workout-list.tsx';
import { usePartnerName } from '../api/partner-names.tsx';
import { LinkButton, Page, Section } from '@alawein/app-kit';

/** A coach's read-only view of one active client: history, progress per exercise and photos. */
export default function ClientPage() {
  const { clientId = '' } = useParams();
  const me = useMe();
  const links = useCoachLinksQuery();
  const exercises = useExercisesQuery();
  const [params, setParams] = useSearchParams();
  const clientName = usePartnerName(clientId);
  if (links.isPending || exercises.isPending) return <Spinner label="Loading the client" />;
  if (links.isError)
    return <ErrorFallback error={links.error} onRetry={() => void links.refetch()} />;
  if (exercises.isError)
    return <ErrorFallback error={exercises.error} onRetry={() => void exercises.refetch()} />;
  const isClient = activePartners(links.data, me).some(
    (partner) => partner.role === 'client' && partner.partnerId === clientId,
  );
  if (!isClient)
    return (
      <ErrorFallback
        error={new Error('You do not coach this person (any more).')}
        title="Not your client"
        onRetry={() => void links.refetch()}
      />
    );
  const exerciseId = params.get('exercise') ?? '';
  return (
    <Page
      title={`Client ${clientName}`}
      actions={<LinkButton to={`/messages/${clientId}`}>Messages</LinkButton>}
    >
      <Section title="Workouts">
        <WorkoutList athlete={clientId} />
      </Section>
      <Section title="Progress">
        <Field label="Exercise">
          <NativeSelect
            value={exerciseId}
            onChange={(event) =>
              setParams((current) => {
                const next = new URLSearchParams(current);
                next.set('exercise', event.target.value);
                return next;
              })
            }
            options={[
              { value: '', label: 'Choose an exercise' },
              ...exercises.data.map((exercise) => ({ value: exercise.id, label: exercise.name })),
            ]}
            data-testid="client-exercise"
          />
        </Field>
        {exerciseId && <ExerciseProgress exerciseId={exerciseId} athlete={clientId} />}
      </Section>
      <Section title="Progress photos">
        <PhotoGallery ownerId={clientId} canDelete={false} />
      </Section>
    </Page>
  );
}
