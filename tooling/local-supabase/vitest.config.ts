import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // One stack per run: started once here, shared by every file through startTestStack().
    globalSetup: ['test/setup/global-stack.ts'],
    setupFiles: ['test/setup/use-shared-stack.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
