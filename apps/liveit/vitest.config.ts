import { defineConfig } from 'vitest/config';

// Unit tests of the app's pure helpers; the pages are covered by the Playwright journeys in e2e/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
