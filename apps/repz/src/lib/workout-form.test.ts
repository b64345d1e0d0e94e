import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  formFromWorkout,
  toWorkoutInput,
  type SetRow,
  type WorkoutFormState,
} from './workout-form.ts';

const BENCH = '0b6c5a52-4b1e-4a55-9d6e-2f0d8a3c1e11';

const row = (patch: Partial<SetRow> = {}): SetRow => ({
  key: 'k',
  exerciseId: BENCH,
  exerciseName: 'Bench Press',
  reps: '5',
  weight: '100',
  rpe: '',
  rest: '',
  ...patch,
});

const form = (patch: Partial<WorkoutFormState> = {}): WorkoutFormState => ({
  performedAt: '2026-03-01T18:30',
  name: 'Push',
  notes: '',
  duration: '',
  sets: [row()],
  ...patch,
});

describe('toWorkoutInput', () => {
  it('builds the API body with empty optional fields as null', () => {
    const result = toWorkoutInput(form(), 'kg');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ name: 'Push', notes: null, duration_min: null });
    expect(result.value.sets).toEqual([
      { exercise_id: BENCH, reps: 5, weight_kg: 100, rpe: null, rest_seconds: null },
    ]);
    expect(new Date(result.value.performed_at).getTime()).toBe(
      new Date('2026-03-01T18:30').getTime(),
    );
  });

  it('stores kilograms when the user types pounds', () => {
    const result = toWorkoutInput(form({ sets: [row({ weight: '225' })] }), 'lb');
    expect(result.ok && result.value.sets[0]?.weight_kg).toBe(102.06);
  });

  it('names each invalid field as the API does (sets.<i>.<field>)', () => {
    const result = toWorkoutInput(
      form({ name: ' ', sets: [row(), row({ exerciseId: '', reps: 'x', rpe: '11' })] }),
      'kg',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: 'name is required',
      'sets.1.exercise_id': 'Choose an exercise from the list',
      'sets.1.reps': 'Enter a number',
      'sets.1.rpe': expect.stringContaining('10') as string,
    });
  });

  it('rejects a workout without sets and one over the weight limit', () => {
    const noSets = toWorkoutInput(form({ sets: [] }), 'kg');
    expect(!noSets.ok && noSets.errors.sets).toBe('a workout needs at least one set');
    const tooHeavy = toWorkoutInput(form({ sets: [row({ weight: '1501' })] }), 'kg');
    expect(!tooHeavy.ok && tooHeavy.errors['sets.0.weight_kg']).toBeTruthy();
  });

  it('asks for a date when the date field is empty', () => {
    const result = toWorkoutInput(form({ performedAt: '' }), 'kg');
    expect(!result.ok && result.errors.performed_at).toBe('Enter the date and time');
  });
});

describe('formFromWorkout', () => {
  const stored = {
    performed_at: '2026-02-01T10:00:00Z',
    name: 'Legs',
    notes: 'felt strong',
    duration_min: 60,
    sets: [
      {
        exercise_id: BENCH,
        exercise_name: 'Bench Press',
        reps: 5,
        weight_kg: 102.06,
        rpe: 8,
        rest_seconds: 120,
      },
    ],
  };

  it('prefills an edit with everything, weights in the user unit', () => {
    const edit = formFromWorkout(stored, 'lb', false);
    expect(edit).toMatchObject({ name: 'Legs', notes: 'felt strong', duration: '60' });
    expect(edit.sets[0]).toMatchObject({
      exerciseName: 'Bench Press',
      reps: '5',
      weight: '225',
      rpe: '8',
      rest: '120',
    });
  });

  it('repeats a past workout dated now, without its notes and duration', () => {
    const now = new Date('2026-03-05T07:00:00');
    const repeat = formFromWorkout(stored, 'kg', true, now);
    expect(repeat).toMatchObject({
      name: 'Legs',
      notes: '',
      duration: '',
      performedAt: '2026-03-05T07:00',
    });
    expect(repeat.sets).toHaveLength(1);
  });

  it('starts a new workout with one empty set', () => {
    expect(emptyForm().sets).toHaveLength(1);
  });
});
