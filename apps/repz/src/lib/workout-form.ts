// The workout form's state (what the user typed, in their unit) and its conversion into the API's
// WorkoutInput, validated with the same schema repz-api uses so both give the same messages.
import { workoutInputSchema, type WeightUnit, type WorkoutInput } from '@alawein/repz-domain';
import { inputFromKg, kgFromInput } from './weight-input.ts';

export interface SetRow {
  key: string;
  exerciseId: string;
  /** What the exercise box shows (the chosen exercise's name, or text being typed). */
  exerciseName: string;
  reps: string;
  weight: string;
  rpe: string;
  rest: string;
}

export interface WorkoutFormState {
  /** `datetime-local` value (browser time). */
  performedAt: string;
  name: string;
  notes: string;
  duration: string;
  sets: SetRow[];
}

/** Field path (as the API names it, e.g. `sets.0.reps`) → message. */
export type FieldErrors = Record<string, string>;

export interface StoredSet {
  exercise_id: string;
  exercise_name?: string;
  reps: number;
  weight_kg: number;
  rpe: number | null;
  rest_seconds: number | null;
}

export interface StoredWorkout {
  performed_at: string;
  name: string;
  notes: string | null;
  duration_min: number | null;
  sets: StoredSet[];
}

let keySeed = 0;
export const newRowKey = () => `row-${++keySeed}`;

export function emptySet(previous?: SetRow): SetRow {
  return {
    key: newRowKey(),
    exerciseId: previous?.exerciseId ?? '',
    exerciseName: previous?.exerciseName ?? '',
    reps: previous?.reps ?? '',
    weight: previous?.weight ?? '',
    rpe: '',
    rest: previous?.rest ?? '',
  };
}

/** `datetime-local` text for an instant, in the browser's time zone. */
export function toLocalInput(instant: Date): string {
  const local = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function emptyForm(now: Date = new Date()): WorkoutFormState {
  return { performedAt: toLocalInput(now), name: '', notes: '', duration: '', sets: [emptySet()] };
}

/**
 * Prefills the form from a stored workout. `repeat` keeps exercises, reps and weights but dates the
 * copy now (repeating a past session); otherwise it is the workout itself, for editing.
 */
export function formFromWorkout(
  workout: StoredWorkout,
  unit: WeightUnit,
  repeat: boolean,
  now: Date = new Date(),
): WorkoutFormState {
  return {
    performedAt: toLocalInput(repeat ? now : new Date(workout.performed_at)),
    name: workout.name,
    notes: repeat ? '' : (workout.notes ?? ''),
    duration: !repeat && workout.duration_min !== null ? String(workout.duration_min) : '',
    sets: workout.sets.map((set) => ({
      key: newRowKey(),
      exerciseId: set.exercise_id,
      exerciseName: set.exercise_name ?? '',
      reps: String(set.reps),
      weight: inputFromKg(set.weight_kg, unit),
      rpe: set.rpe === null ? '' : String(set.rpe),
      rest: set.rest_seconds === null ? '' : String(set.rest_seconds),
    })),
  };
}

const numberOrNull = (text: string): number | null =>
  text.trim() === '' ? null : Number(text.trim().replace(',', '.'));

/**
 * The API body for the form, or the messages per field. Empty optional fields become null; the
 * weight is converted from the user's unit to kilograms before validation.
 */
export function toWorkoutInput(
  form: WorkoutFormState,
  unit: WeightUnit,
): { ok: true; value: WorkoutInput } | { ok: false; errors: FieldErrors } {
  const performed = form.performedAt ? new Date(form.performedAt) : null;
  const candidate = {
    performed_at: performed && !Number.isNaN(performed.getTime()) ? performed.toISOString() : '',
    name: form.name,
    notes: form.notes.trim() === '' ? null : form.notes,
    duration_min: numberOrNull(form.duration),
    sets: form.sets.map((row) => ({
      exercise_id: row.exerciseId,
      reps: numberOrNull(row.reps) ?? Number.NaN,
      weight_kg: kgFromInput(row.weight, unit) ?? Number.NaN,
      rpe: numberOrNull(row.rpe),
      rest_seconds: numberOrNull(row.rest),
    })),
  };
  const parsed = workoutInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || 'form';
    errors[path] ??= friendlyMessage(path, issue.message);
  }
  return { ok: false, errors };
}

function friendlyMessage(path: string, message: string): string {
  if (path.endsWith('exercise_id')) return 'Choose an exercise from the list';
  if (path === 'performed_at') return 'Enter the date and time';
  if (/expected number, received NaN/i.test(message)) return 'Enter a number';
  return message;
}
