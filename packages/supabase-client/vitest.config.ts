import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.stack.test.{ts,tsx}'],
        },
      },
      {
        // Hooks rendered in a DOM against a real local Supabase, started once in Node by the global setup.
        extends: true,
        test: {
          name: 'stack',
          include: ['src/**/*.stack.test.{ts,tsx}'],
          environment: 'happy-dom',
          globalSetup: ['src/test/stack-setup.ts'],
          hookTimeout: 180_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
