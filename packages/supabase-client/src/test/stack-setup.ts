// Starts one throw-away local stack (or uses SUPABASE_TEST_URL and its keys) in Node, outside the
// DOM environment the hook tests run in, and hands its URL and anon key to them.
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    supabase: { url: string; anonKey: string };
  }
}

interface TestStack {
  url: string;
  anonKey: string;
  stop(): Promise<void>;
}

// A non-literal specifier keeps tsc from type-checking the stack's Node-only sources under this
// package's DOM lib settings; the shape used is declared above.
const testingModule = '@alawein/local-supabase/testing';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { startTestStack } = (await import(testingModule)) as {
    startTestStack: () => Promise<TestStack>;
  };
  const stack = await startTestStack();
  project.provide('supabase', { url: stack.url, anonKey: stack.anonKey });
  return () => stack.stop();
}
