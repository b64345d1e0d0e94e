import { Button, Field, Input } from '@alawein/ui';
import { useState } from 'react';
import { EQUIPMENT, MUSCLE_GROUPS, useCreateExerciseMutation } from '../api/exercises.ts';
import { NativeSelect } from './native-select.tsx';

const options = (values: readonly string[]) =>
  values.map((value) => ({ value, label: value.replace('_', ' ') }));

/** Adds an exercise of the user's own to the library (names are unique per user). */
export function NewExerciseForm({ ownerId }: { ownerId: string }) {
  const create = useCreateExerciseMutation(ownerId);
  const [name, setName] = useState('');
  const [muscle, setMuscle] = useState<string>(MUSCLE_GROUPS[0]);
  const [equipment, setEquipment] = useState<string>(EQUIPMENT[0]);
  const [error, setError] = useState<string | undefined>();
  const [created, setCreated] = useState<string | null>(null);

  const submit = async () => {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 80)
      return setError('Enter a name of 1 to 80 characters');
    setError(undefined);
    try {
      const exercise = await create.mutateAsync({ name: trimmed, muscle_group: muscle, equipment });
      setCreated(exercise.name);
      setName('');
    } catch (cause) {
      const code = (cause as { code?: string }).code;
      setError(
        code === '23505'
          ? 'You already have an exercise with this name'
          : cause instanceof Error
            ? cause.message
            : 'Could not create it',
      );
    }
  };

  return (
    <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
      <Field label="Exercise name" error={error} required>
        <Input
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={80}
          data-testid="new-exercise-name"
        />
      </Field>
      <Field label="Muscle group">
        <NativeSelect
          value={muscle}
          onChange={(event) => setMuscle(event.target.value)}
          options={options(MUSCLE_GROUPS)}
        />
      </Field>
      <Field label="Equipment">
        <NativeSelect
          value={equipment}
          onChange={(event) => setEquipment(event.target.value)}
          options={options(EQUIPMENT)}
        />
      </Field>
      <Button variant="secondary" loading={create.isPending} onClick={() => void submit()}>
        Create exercise
      </Button>
      {created && (
        <p role="status" className="text-sm sm:col-span-4">
          “{created}” is in your library: pick it in a set.
        </p>
      )}
    </div>
  );
}
