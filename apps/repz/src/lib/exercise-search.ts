export interface Exercise {
  id: string;
  name: string;
  muscle_group: string;
  equipment: string;
  owner_id: string | null;
}

/** Exercises whose name, muscle group or equipment contains every word of `query`. */
export function searchExercises(exercises: readonly Exercise[], query: string): Exercise[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return exercises.filter((exercise) => {
    const text =
      `${exercise.name} ${exercise.muscle_group.replace('_', ' ')} ${exercise.equipment}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
