import { z } from 'zod';

// Schema builders whose every message names the field, so a form or an API error can point at it.

/** A real number in [min, max] defaulting to `value`. */
export function realParam(field: string, min: number, max: number, value: number) {
  return z
    .number({ error: `${field} must be a number` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` })
    .default(value);
}

/** An integer in [min, max] defaulting to `value`. */
export function integerParam(field: string, min: number, max: number, value: number) {
  return z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be an integer` })
    .min(min, { error: `${field} must be at least ${min}` })
    .max(max, { error: `${field} must be at most ${max}` })
    .default(value);
}

/** A seed: an unsigned 32-bit integer. */
export function seedParam(value: number) {
  return integerParam('seed', 0, 4294967295, value);
}

/** Three components, each in [min, max]. */
export function vector3Param(
  field: string,
  min: number,
  max: number,
  value: readonly [number, number, number],
) {
  const component = z
    .number({ error: `${field} components must be numbers` })
    .min(min, { error: `${field} components must be at least ${min}` })
    .max(max, { error: `${field} components must be at most ${max}` });
  return z
    .tuple([component, component, component], {
      error: `${field} must be a vector of three numbers [x, y, z]`,
    })
    .default([value[0], value[1], value[2]]);
}

/**
 * Arguments for an object schema's `.refine` that bounds a run's work (so no run takes minutes),
 * reported on `field`: `.refine(...workBound((p) => p.a * p.b, 1e8, 'b', 'a × b'))`.
 */
export function workBound<P>(
  work: (p: P) => number,
  max: number,
  field: string,
  formula: string,
): [(p: P) => boolean, { error: string; path: string[] }] {
  return [
    (p: P) => work(p) <= max,
    { error: `${field}: ${formula} must be at most ${max.toExponential(0)}`, path: [field] },
  ];
}

/** True when x is a power of two. */
export const isPowerOfTwo = (x: number): boolean => x > 0 && (x & (x - 1)) === 0;
