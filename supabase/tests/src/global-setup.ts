// Starts one throw-away local stack for the whole run — or uses the one SUPABASE_TEST_* points at —
// and hands its URLs and keys to the test files through vitest's provide/inject.
import { startTestStack } from '@alawein/local-supabase/testing';
import type { TestProject } from 'vitest/node';
import { projectRoot } from './env.ts';

export interface TestTarget {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Superuser URL of the stack's database. */
  dbUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestTarget;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startTestStack({ projectRoot });
  if (!stack.dbUrl) {
    await stack.stop();
    throw new Error(
      'The database tests need SQL access: set SUPABASE_TEST_DB_URL along with SUPABASE_TEST_URL.',
    );
  }
  project.provide('stack', {
    url: stack.url,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    dbUrl: stack.dbUrl,
  });
  return () => stack.stop();
}
