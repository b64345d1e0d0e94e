import { existsSync } from 'node:fs';
import tailwindcss from '@tailwindcss/vite';
import { playwright } from '@vitest/browser-playwright';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { emulateColorScheme } from './test/browser-commands.ts';

/** PLAYWRIGHT_CHROMIUM_PATH, else Debian's Chromium, else Playwright's own download. */
function chromiumExecutable(): string | undefined {
  // eslint-disable-next-line no-restricted-syntax -- test configuration is this package's env module
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const executablePath = chromiumExecutable();

export default defineConfig({
  test: {
    projects: [
      {
        // Logic and ARIA wiring: fast, in happy-dom.
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.browser.test.tsx'],
          setupFiles: ['./test/setup.ts'],
        },
      },
      {
        // Layout, real keyboard events, colour contrast and Radix behaviour: real Chromium with the real CSS.
        plugins: [react(), tailwindcss()],
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.tsx'],
          setupFiles: ['./test/browser-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
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
            }),
            instances: [{ browser: 'chromium' }],
            commands: { emulateColorScheme },
          },
        },
      },
    ],
  },
});
