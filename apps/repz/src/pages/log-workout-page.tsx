import { LIMITS } from '@alawein/repz-domain';
import {
  Button,
  EmptyState,
  ErrorFallback,
  Field,
  Input,
  Spinner,
  Textarea,
  useToast,
} from '@alawein/ui';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useExercisesQuery, type Exercise } from '../api/exercises.ts';
import { useMe } from '../api/use-me.ts';
import { useUnit } from '../api/use-unit.ts';
import { useSaveWorkoutMutation, useWorkoutQuery } from '../api/workouts.ts';
import { NewExerciseForm } from '../components/new-exercise-form.tsx';
import { ApiError } from '@alawein/supabase-client';
import {
  emptyForm,
  emptySet,
  formFromWorkout,
  toWorkoutInput,
  type FieldErrors,
  type SetRow,
  type WorkoutFormState,
} from '../lib/workout-form.ts';
import { Page, Section } from '@alawein/app-kit';

const DATALIST_ID = 'exercise-options';

/** New workout (`/workouts/new`, `?repeat=<id>` to start from a past one) or edit (`/workouts/:id/edit`). */
export default function LogWorkoutPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const sourceId = id ?? search.get('repeat') ?? undefined;
  const source = useWorkoutQuery(sourceId);
  const exercises = useExercisesQuery();
  const title = id ? 'Edit workout' : 'Log a workout';

  if (sourceId && source.isPending) return <Spinner label="Loading the workout" />;
  if (source.isError)
    return (
      <ErrorFallback
        error={source.error}
        title="Could not load the workout"
        onRetry={() => void source.refetch()}
      />
    );
  if (exercises.isPending) return <Spinner label="Loading exercises" />;
  if (exercises.isError)
    return (
      <ErrorFallback
        error={exercises.error}
        title="Could not load the exercise library"
        onRetry={() => void exercises.refetch()}
      />
    );
  return (
    <Page title={title}>
      <WorkoutForm
        key={sourceId ?? 'new'}
        workoutId={id}
        source={source.data}
        repeat={!id && Boolean(sourceId)}
        exercises={exercises.data}
      />
    </Page>
  );
}

function WorkoutForm({
  workoutId,
  source,
  repeat,
  exercises,
}: {
  workoutId?: string;
  source?: Parameters<typeof formFromWorkout>[0];
  repeat: boolean;
  exercises: Exercise[];
}) {
  const unit = useUnit();
  const me = useMe();
  const navigate = useNavigate();
  const { toast } = useToast();
  const save = useSaveWorkoutMutation();
  const [form, setForm] = useState<WorkoutFormState>(() =>
    source ? formFromWorkout(source, unit, repeat) : emptyForm(),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const focusTarget = useRef<string | null>(null);
  const byName = useMemo(
    () => new Map(exercises.map((exercise) => [exercise.name.toLowerCase(), exercise])),
    [exercises],
  );

  useEffect(() => {
    if (!focusTarget.current) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  });

  const update = (patch: Partial<WorkoutFormState>) =>
    setForm((current) => ({ ...current, ...patch }));
  const updateRow = (key: string, patch: Partial<SetRow>) =>
    setForm((current) => ({
      ...current,
      sets: current.sets.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    }));

  const addSetAfter = (index: number) => {
    if (form.sets.length >= LIMITS.setsPerWorkout) return;
    const row = emptySet(form.sets[index]);
    focusTarget.current = `set-${row.key}-reps`;
    setForm((current) => ({
      ...current,
      sets: [...current.sets.slice(0, index + 1), row, ...current.sets.slice(index + 1)],
    }));
  };
  const removeSet = (key: string) =>
    setForm((current) => ({ ...current, sets: current.sets.filter((row) => row.key !== key) }));

  // Enter in a set's fields adds the next set (same exercise and weight) instead of submitting.
  const onRowKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    addSetAfter(index);
  };

  const chooseExercise = (key: string, text: string) => {
    const match = byName.get(text.trim().toLowerCase());
    updateRow(key, { exerciseName: text, exerciseId: match?.id ?? '' });
  };

  const submit = async () => {
    setFormError(null);
    const result = toWorkoutInput(form, unit);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(result.errors, form);
      return;
    }
    setErrors({});
    try {
      await save.mutateAsync({ id: workoutId, input: result.value });
      toast({ title: workoutId ? 'Workout updated' : 'Workout saved', variant: 'success' });
      await navigate('/history');
    } catch (error) {
      if (error instanceof ApiError && error.field) {
        const fieldErrors = { [error.field]: error.message };
        setErrors(fieldErrors);
        focusFirstError(fieldErrors, form);
      } else setFormError(error instanceof Error ? error.message : 'Could not save the workout');
    }
  };

  const setError = (index: number, field: string) => errors[`sets.${index}.${field}`];

  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      aria-label="Workout"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Name" required error={errors.name} id="workout-name">
          <Input
            value={form.name}
            maxLength={LIMITS.nameLength}
            onChange={(event) => update({ name: event.target.value })}
            data-testid="workout-name"
          />
        </Field>
        <Field label="Date and time" required error={errors.performed_at} id="workout-performed-at">
          <Input
            type="datetime-local"
            value={form.performedAt}
            onChange={(event) => update({ performedAt: event.target.value })}
          />
        </Field>
        <Field label="Duration (minutes)" error={errors.duration_min} id="workout-duration">
          <Input
            inputMode="numeric"
            value={form.duration}
            onChange={(event) => update({ duration: event.target.value })}
          />
        </Field>
        <Field label="Notes" error={errors.notes} id="workout-notes">
          <Textarea
            value={form.notes}
            maxLength={LIMITS.notesLength}
            onChange={(event) => update({ notes: event.target.value })}
          />
        </Field>
      </div>

      <Section title="Sets">
        <p className="text-sm text-muted-fg" id="sets-help">
          Type to search the exercise library. Press Enter in a set to add the next one. Weights in{' '}
          {unit}.
        </p>
        <datalist id={DATALIST_ID}>
          {exercises.map((exercise) => (
            <option key={exercise.id} value={exercise.name}>
              {exercise.muscle_group.replace('_', ' ')} · {exercise.equipment}
              {exercise.owner_id ? ' · yours' : ''}
            </option>
          ))}
        </datalist>
        {errors.sets && (
          <p role="alert" className="text-sm text-danger">
            {errors.sets}
          </p>
        )}
        {form.sets.length === 0 ? (
          <EmptyState
            title="No sets yet"
            description="Add a set to log what you lifted."
            headingLevel={3}
          />
        ) : (
          <div className="flex flex-col gap-3" data-testid="set-grid">
            {form.sets.map((row, index) => (
              <SetRowFields
                key={row.key}
                row={row}
                index={index}
                unit={unit}
                error={(field) => setError(index, field)}
                onChange={(patch) => updateRow(row.key, patch)}
                onExercise={(text) => chooseExercise(row.key, text)}
                onKeyDown={(event) => onRowKeyDown(event, index)}
                onRemove={() => removeSet(row.key)}
              />
            ))}
          </div>
        )}
        <div>
          <Button
            variant="secondary"
            onClick={() => addSetAfter(form.sets.length - 1)}
            data-testid="add-set"
          >
            Add set
          </Button>
        </div>
      </Section>

      <details className="rounded-lg border border-border p-4">
        <summary className="cursor-pointer font-medium">
          Not in the library? Create your own exercise
        </summary>
        <NewExerciseForm ownerId={me} />
      </details>

      {formError && (
        <p role="alert" className="text-danger" data-testid="workout-form-error">
          {formError}
        </p>
      )}
      <div className="flex gap-3">
        <Button type="submit" loading={save.isPending} data-testid="save-workout">
          {workoutId ? 'Save changes' : 'Save workout'}
        </Button>
      </div>
    </form>
  );
}

function focusFirstError(errors: FieldErrors, form: WorkoutFormState) {
  const first = Object.keys(errors)[0];
  if (!first) return;
  const match = /^sets\.(\d+)\.(\w+)$/.exec(first);
  const row = match ? form.sets[Number(match[1])] : undefined;
  const fieldSuffix: Record<string, string> = {
    exercise_id: 'exercise',
    reps: 'reps',
    weight_kg: 'weight',
    rpe: 'rpe',
    rest_seconds: 'rest',
  };
  const id =
    row && match
      ? `set-${row.key}-${fieldSuffix[match[2]!] ?? 'reps'}`
      : `workout-${first.replace('_', '-')}`;
  requestAnimationFrame(() =>
    document.getElementById(id === 'workout-duration-min' ? 'workout-duration' : id)?.focus(),
  );
}

function SetRowFields({
  row,
  index,
  unit,
  error,
  onChange,
  onExercise,
  onKeyDown,
  onRemove,
}: {
  row: SetRow;
  index: number;
  unit: string;
  error: (field: string) => string | undefined;
  onChange: (patch: Partial<SetRow>) => void;
  onExercise: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const cell = (
    field: 'reps' | 'weight' | 'rpe' | 'rest',
    apiField: string,
    label: string,
    mode: 'numeric' | 'decimal',
  ) => {
    const id = `set-${row.key}-${field}`;
    const message = error(apiField);
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-xs text-muted-fg">
          {label}
        </label>
        <Input
          id={id}
          name={field}
          inputMode={mode}
          value={row[field]}
          onChange={(event) => onChange({ [field]: event.target.value })}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          aria-label={`Set ${n} ${label}`}
          data-testid={`set-${index}-${field}`}
        />
        {message && (
          <span id={`${id}-error`} className="text-xs text-danger">
            {message}
          </span>
        )}
      </div>
    );
  };
  const exerciseId = `set-${row.key}-exercise`;
  const exerciseError = error('exercise_id');
  return (
    // Enter bubbles up from the set's inputs (the interactive elements); the fieldset only groups them.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <fieldset
      className="grid grid-cols-2 items-start gap-2 sm:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]"
      onKeyDown={onKeyDown}
      data-testid={`set-row-${index}`}
    >
      <legend className="sr-only">Set {n}</legend>
      <div className="col-span-2 flex flex-col gap-1 sm:col-span-1">
        <label htmlFor={exerciseId} className="text-xs text-muted-fg">
          Set {n} · exercise
        </label>
        <Input
          id={exerciseId}
          list={DATALIST_ID}
          autoComplete="off"
          value={row.exerciseName}
          onChange={(event) => onExercise(event.target.value)}
          aria-invalid={exerciseError ? true : undefined}
          aria-describedby={exerciseError ? `${exerciseId}-error` : undefined}
          data-testid={`set-${index}-exercise`}
        />
        {exerciseError && (
          <span id={`${exerciseId}-error`} className="text-xs text-danger">
            {exerciseError}
          </span>
        )}
      </div>
      {cell('reps', 'reps', 'Reps', 'numeric')}
      {cell('weight', 'weight_kg', `Weight (${unit})`, 'decimal')}
      {cell('rpe', 'rpe', 'RPE', 'decimal')}
      {cell('rest', 'rest_seconds', 'Rest (s)', 'numeric')}
      <Button
        variant="ghost"
        size="sm"
        className="self-end"
        onClick={onRemove}
        aria-label={`Remove set ${n}`}
      >
        Remove
      </Button>
    </fieldset>
  );
}
