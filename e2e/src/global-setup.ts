// Starts a private test stack (real PostgreSQL, auth, REST) on free ports, builds every app against
// it and serves each build with `vite preview` on a free port. Returns the teardown.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';
import type { PreviewServer } from 'vite';
import { startTestStack } from '@alawein/local-supabase/testing';
import { APPS } from './apps.ts';
import { publishTargets } from './env.ts';
import { startSentryIngest } from './sentry-ingest.ts';
import { buildAndServe as buildAndServeInto, urlOf, type BuildEnv } from './serve-app.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const buildsDir = fileURLToPath(new URL('../.builds/', import.meta.url));
const OFFLINE_APP = 'repz';
const SENTRY_APP = 'qmlab';
const PRODUCTION_APP = 'liveit';

/** Builds apps/<app> into .builds/<label> and serves it. */
const buildAndServe = (app: string, label: string, env: BuildEnv): Promise<PreviewServer> =>
  buildAndServeInto(app, `${buildsDir}${label}`, env);

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startTestStack({ projectRoot: repoRoot });
  const ingest = await startSentryIngest();
  const servers: PreviewServer[] = [];
  const teardown = async () => {
    await Promise.allSettled([...servers.map((server) => server.close()), ingest.close()]);
    await stack.stop();
  };
  try {
    await rm(buildsDir, { recursive: true, force: true });
    const apps: Record<string, string> = {};
    for (const app of APPS) {
      const server = await buildAndServe(app, app, {
        VITE_SUPABASE_URL: stack.url,
        VITE_SUPABASE_ANON_KEY: stack.anonKey,
      });
      servers.push(server);
      apps[app] = urlOf(server);
    }
    // A free port that nothing listens on stands in for a backend that is down.
    const backendUrl = `http://127.0.0.1:${await getPort()}`;
    const offline = await buildAndServe(OFFLINE_APP, `${OFFLINE_APP}-offline`, {
      VITE_SUPABASE_URL: backendUrl,
      VITE_SUPABASE_ANON_KEY: stack.anonKey,
    });
    servers.push(offline);
    const withSentry = await buildAndServe(SENTRY_APP, `${SENTRY_APP}-sentry`, {
      VITE_SUPABASE_URL: stack.url,
      VITE_SUPABASE_ANON_KEY: stack.anonKey,
      VITE_SENTRY_DSN: ingest.dsn,
    });
    servers.push(withSentry);
    const production = await buildAndServe(PRODUCTION_APP, `${PRODUCTION_APP}-production`, {
      VITE_APP_ENV: 'production',
      VITE_SUPABASE_URL: stack.url,
      VITE_SUPABASE_ANON_KEY: stack.anonKey,
    });
    servers.push(production);
    publishTargets({
      apps,
      offline: { app: OFFLINE_APP, url: urlOf(offline), backendUrl },
      sentry: { app: SENTRY_APP, url: urlOf(withSentry), receivedUrl: ingest.receivedUrl },
      production: { app: PRODUCTION_APP, url: urlOf(production) },
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
