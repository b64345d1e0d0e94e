import { EmptyState, Field, Input } from '@alawein/ui';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useExercisesQuery } from '../api/exercises.ts';
import { useMe } from '../api/use-me.ts';
import { NewExerciseForm } from '../components/new-exercise-form.tsx';
import { searchExercises } from '../lib/exercise-search.ts';
import { Page, QueryState, Section } from '@alawein/app-kit';

export default function ExercisesPage() {
  const exercises = useExercisesQuery();
  const me = useMe();
  const [query, setQuery] = useState('');
  return (
    <Page title="Exercises">
      <Field label="Search by name, muscle or equipment">
        <Input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="exercise-search"
        />
      </Field>
      <QueryState query={exercises} label="exercises">
        {(all) => {
          const found = searchExercises(all, query);
          return found.length === 0 ? (
            <EmptyState
              title="No exercise matches"
              description="Try another word, or create your own below."
            />
          ) : (
            <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2" aria-label="Exercises found">
              {found.map((exercise) => (
                <li key={exercise.id} className="rounded-md border border-border p-3">
                  <Link className="font-medium underline" to={`/exercises/${exercise.id}`}>
                    {exercise.name}
                  </Link>
                  <span className="block text-sm text-muted-fg">
                    {exercise.muscle_group.replace('_', ' ')} · {exercise.equipment}
                    {exercise.owner_id ? ' · yours' : ''}
                  </span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
      <Section title="Create your own exercise">
        <NewExerciseForm ownerId={me} />
      </Section>
    </Page>
  );
}
