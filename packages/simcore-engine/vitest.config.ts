import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Run by the real Deno binary in the package's test script, not by vitest.
    exclude: ['src/deno.test.ts'],
  },
});
