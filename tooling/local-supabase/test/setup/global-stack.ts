// globalSetup: one stack for the whole test run (on free ports, or SUPABASE_TEST_URL's target),
// provided to every test file through `inject('localSupabase')`.
import type { TestProject } from 'vitest/node';
import { startTestStack, type SharedTestStack } from '../../src/testing.ts';
import { FIXTURE_PROJECT } from '../support/function-project.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    localSupabase: SharedTestStack;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
  project.provide('localSupabase', {
    projectRoot: stack.projectRoot ?? FIXTURE_PROJECT,
    url: stack.url,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    dbUrl: stack.dbUrl,
    local: stack.local,
    inboxUrl: stack.inboxUrl,
  });
  return () => stack.stop();
}
