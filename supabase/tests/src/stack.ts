// What a test file needs from the stack global-setup started.
import { inject } from 'vitest';
import { authenticatorPassword } from './env.ts';
import { DbHarness } from './harness.ts';

export function testStack() {
  return inject('stack');
}

/** A harness on the test stack's database; close it in afterAll. */
export function connectHarness(): DbHarness {
  return new DbHarness(testStack().dbUrl, authenticatorPassword);
}
