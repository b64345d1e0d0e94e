// Builds an app with Vite's API against a given backend and serves the build with `vite preview` on
// a free port: used by the journeys' global setup and by the Lighthouse report.
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';
import { build, preview, type PreviewServer } from 'vite';
import { setViteBuildEnv } from './env.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The VITE_* variables a test build is made with (see apps/<app>/src/env.ts). */
export interface BuildEnv {
  VITE_SUPABASE_URL: string;
  VITE_SUPABASE_ANON_KEY: string;
  VITE_SENTRY_DSN?: string;
  VITE_APP_ENV?: string;
}

/** Builds apps/<app> with `env` into `outDir` (emptied first) and serves it on a free port. */
export async function buildAndServe(
  app: string,
  outDir: string,
  env: BuildEnv,
): Promise<PreviewServer> {
  const configFile = `${repoRoot}apps/${app}/vite.config.ts`;
  setViteBuildEnv({ VITE_APP_ENV: 'development', VITE_SENTRY_DSN: '', ...env });
  await build({
    configFile,
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const port = await getPort();
  return preview({
    configFile,
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
}

/** The base URL a preview server listens on, without the trailing slash. */
export function urlOf(server: PreviewServer): string {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return url.replace(/\/$/, '');
}
