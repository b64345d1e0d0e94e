import { expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { cos, sin } from './trig.ts';

it('sin and cos agree with Math to within one rounding over ±100 and at special points', () => {
  const random = createRandom(9);
  for (let i = 0; i < 20000; i++) {
    const x = (random.next() - 0.5) * 200;
    expect(Math.abs(sin(x) - Math.sin(x))).toBeLessThanOrEqual(2.3e-16);
    expect(Math.abs(cos(x) - Math.cos(x))).toBeLessThanOrEqual(2.3e-16);
  }
  expect(sin(0)).toBe(0);
  expect(Object.is(sin(-0), -0)).toBe(true);
  expect(cos(0)).toBe(1);
  expect(sin(Math.PI / 2)).toBe(1);
  expect(cos(Math.PI)).toBe(-1);
  expect(sin(Number.NaN)).toBeNaN();
  expect(cos(Number.POSITIVE_INFINITY)).toBeNaN();
});
