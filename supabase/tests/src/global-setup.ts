// Starts one throw-away local stack for the whole run (or uses SUPABASE_TEST_*) and hands its
// URLs and keys to the test files through vitest's provide/inject.
import type { TestProject } from 'vitest/node';
import { projectRoot, readTestTarget, type TestTarget } from './env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestTarget;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const target = readTestTarget();
  if (target) {
    project.provide('stack', target);
    return undefined;
  }
  const { startTestStack } = await import('@alawein/local-supabase/testing');
  const stack = await startTestStack({ projectRoot });
  project.provide('stack', {
    url: stack.url,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    dbUrl: stack.dbUrl,
  });
  return () => stack.stop();
}
