/**
 * Typed query keys for one entity, so lists and details are cached and invalidated consistently:
 * `const workoutKeys = createQueryKeys('workouts')`; `workoutKeys.list({ week: 3 })`,
 * `workoutKeys.detail(id)`; `invalidateQueries({ queryKey: workoutKeys.all })` hits both.
 */
export function createQueryKeys<const Scope extends string>(scope: Scope) {
  return {
    all: [scope] as const,
    lists: () => [scope, 'list'] as const,
    list: <const Filters extends object = Record<string, never>>(
      filters: Filters = {} as Filters,
    ) => [scope, 'list', filters] as const,
    details: () => [scope, 'detail'] as const,
    detail: <const Id extends string | number>(id: Id) => [scope, 'detail', id] as const,
  };
}

export type QueryKeys<Scope extends string> = ReturnType<typeof createQueryKeys<Scope>>;
