// The only module of the e2e package that reads process.env.
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium to drive: PLAYWRIGHT_CHROMIUM_PATH, else the Debian package's binary when installed,
 * else undefined (Playwright's own downloaded browser, for machines that have it).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

export const isCI = Boolean(process.env.CI);

const TARGETS_VAR = 'ALAWEIN_E2E_TARGETS';

/** Where global setup serves each app; handed to the test workers through their environment. */
export interface E2ETargets {
  /** App name → base URL of its preview server (pointed at the test stack). */
  apps: Record<string, string>;
  /** An app built against a backend URL where nothing listens. */
  offline: { app: string; url: string; backendUrl: string };
  /** An app built with VITE_SENTRY_DSN pointing at a fake ingest, whose envelopes are listed at receivedUrl. */
  sentry: { app: string; url: string; receivedUrl: string };
  /** An app built with VITE_APP_ENV=production (Web Vitals and Vercel Analytics on). */
  production: { app: string; url: string };
}

export function publishTargets(targets: E2ETargets): void {
  process.env[TARGETS_VAR] = JSON.stringify(targets);
}

export function readTargets(): E2ETargets {
  const raw = process.env[TARGETS_VAR];
  if (!raw)
    throw new Error(
      `${TARGETS_VAR} is not set: run the tests through playwright.config.ts (global setup).`,
    );
  return JSON.parse(raw) as E2ETargets;
}

/**
 * Sets the VITE_* variables for the next in-process `vite build`. Vite gives variables already in the
 * environment precedence over .env files, so a developer's apps/<app>/.env.local cannot redirect a
 * test build to another backend.
 */
export function setViteBuildEnv(vars: Record<`VITE_${string}`, string>): void {
  Object.assign(process.env, vars);
}
