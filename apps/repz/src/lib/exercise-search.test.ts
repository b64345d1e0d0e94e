import { describe, expect, it } from 'vitest';
import { searchExercises, type Exercise } from './exercise-search.ts';

const exercise = (
  name: string,
  muscle_group: string,
  equipment: string,
  owner_id: string | null = null,
): Exercise => ({
  id: name,
  name,
  muscle_group,
  equipment,
  owner_id,
});

const library = [
  exercise('Barbell Bench Press', 'chest', 'barbell'),
  exercise('Dumbbell Bench Press', 'chest', 'dumbbell'),
  exercise('Back Squat', 'quadriceps', 'barbell'),
  exercise('Sled Push', 'full_body', 'other', 'me'),
];

describe('searchExercises', () => {
  it('matches every word anywhere in name, muscle group or equipment, ignoring case', () => {
    expect(searchExercises(library, 'bench dumbbell').map((e) => e.name)).toEqual([
      'Dumbbell Bench Press',
    ]);
    expect(searchExercises(library, 'BARBELL').map((e) => e.name)).toEqual([
      'Barbell Bench Press',
      'Back Squat',
    ]);
    expect(searchExercises(library, 'full body').map((e) => e.name)).toEqual(['Sled Push']);
  });

  it('returns everything for an empty query and nothing for no match', () => {
    expect(searchExercises(library, '  ')).toHaveLength(4);
    expect(searchExercises(library, 'curl')).toEqual([]);
  });
});
