// Starts one throw-away local stack (or uses SUPABASE_TEST_URL and its keys) in Node, outside the
// DOM environment the hook tests run in, and hands its URL and anon key to them.
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    supabase: { url: string; anonKey: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { startTestStack } = await import('@alawein/local-supabase/testing');
  const stack = await startTestStack();
  project.provide('supabase', { url: stack.url, anonKey: stack.anonKey });
  return () => stack.stop();
}
