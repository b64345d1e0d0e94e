// What differs between runs of one module: the parameters the compare view lists.

/** One parameter whose value is not the same in every run, with each run's value. */
export interface ParamDifference {
  name: string;
  values: unknown[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The parameters that differ between the runs, in the first run's key order then any others. */
export function paramDiff(paramsOfRuns: readonly Record<string, unknown>[]): ParamDifference[] {
  const names = [...new Set(paramsOfRuns.flatMap((params) => Object.keys(params)))];
  return names
    .map((name) => ({ name, values: paramsOfRuns.map((params) => params[name]) }))
    .filter(({ values }) => values.some((value) => !same(value, values[0])));
}
