import { describe, expect, expectTypeOf, it } from 'vitest';
import { createQueryKeys } from './query-keys.ts';

describe('createQueryKeys', () => {
  const workoutKeys = createQueryKeys('workouts');

  it('builds hierarchical keys', () => {
    expect(workoutKeys.all).toEqual(['workouts']);
    expect(workoutKeys.lists()).toEqual(['workouts', 'list']);
    expect(workoutKeys.list({ week: 3 })).toEqual(['workouts', 'list', { week: 3 }]);
    expect(workoutKeys.list()).toEqual(['workouts', 'list', {}]);
    expect(workoutKeys.details()).toEqual(['workouts', 'detail']);
    expect(workoutKeys.detail('w1')).toEqual(['workouts', 'detail', 'w1']);
  });

  it('makes every list and detail key start with `all`, so one invalidation covers them', () => {
    for (const key of [workoutKeys.list({ a: 1 }), workoutKeys.detail(7), workoutKeys.lists()]) {
      expect(key.slice(0, workoutKeys.all.length)).toEqual(workoutKeys.all);
    }
  });

  it('keeps literal types (as const)', () => {
    expectTypeOf(workoutKeys.all).toEqualTypeOf<readonly ['workouts']>();
    expectTypeOf(workoutKeys.detail('w1')).toEqualTypeOf<readonly ['workouts', 'detail', 'w1']>();
    expectTypeOf(workoutKeys.list({ week: 3 })).toEqualTypeOf<
      readonly ['workouts', 'list', { readonly week: 3 }]
    >();
  });
});
