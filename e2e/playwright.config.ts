import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable, isCI } from './src/env.ts';

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: './tests',
  globalSetup: './src/global-setup.ts',
  // Two cores: the stack, five preview servers and the browser share them.
  workers: 2,
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
