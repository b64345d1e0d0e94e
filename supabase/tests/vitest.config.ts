import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    // A cold stack (initdb, migrations, seed) takes a while on 2 cores.
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
