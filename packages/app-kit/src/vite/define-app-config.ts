// The Vite config all four apps share; each app's vite.config.ts only names itself and its port.
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type UserConfigFnObject } from 'vite';
import { parseAppEnv } from '../env/parse-app-env.ts';
import { pinSupabaseCsp } from './pinned-csp.ts';
import { preloadHomeChunk } from './preload-home.ts';

export interface AppViteOptions {
  /** The app's folder name under apps/ (named in env error messages). */
  app: string;
  /** Fixed dev and preview port; `strictPort` so two apps never swap ports silently. */
  port: number;
  /** The app's directory (holds index.html and .env files). */
  root: string;
}

/** Vite config for an app: React, Tailwind, fixed port, a build manifest, and env checked at build time. */
export function defineAppViteConfig({ app, port, root }: AppViteOptions): UserConfigFnObject {
  return defineConfig(({ command, mode }) => {
    // Fail the build, not the first visitor: a bundle without its backend must never ship.
    const env =
      command === 'build'
        ? parseAppEnv({ ...loadEnv(mode, root, 'VITE_'), DEV: false }, { app })
        : undefined;
    return {
      root,
      plugins: [
        react(),
        tailwindcss(),
        preloadHomeChunk(),
        ...(env ? [pinSupabaseCsp(env.supabaseUrl, env.sentryDsn)] : []),
      ],
      server: { port, strictPort: true },
      preview: { port, strictPort: true },
      build: {
        // dist/.vite/manifest.json maps each route module to its chunk (read by the first-page size script).
        manifest: true,
        // Browsers without modulepreload (Safari < 17, Firefox < 115) still load every chunk, only
        // without the early fetch: not worth the polyfill's bytes on every first page.
        modulePreload: { polyfill: false },
        rolldownOptions: {
          output: {
            // The libraries the first page runs anyway (React, the router, React Query, supabase-js's
            // auth and PostgREST parts) in one chunk instead of six small ones shared with the lazy
            // routes: one request and ~2-3 KB less gzipped, with no code moved onto the first page.
            codeSplitting: {
              groups: [
                {
                  name: 'framework',
                  test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack[\\/](react-query|query-core)|@supabase[\\/](auth-js|postgrest-js)|clsx|tslib)[\\/]/,
                },
              ],
            },
          },
        },
        // The framework chunk and the lazy Sentry chunk exceed Vite's 500 kB default;
        // what counts is the gzipped first page, which `pnpm size` measures against its budget.
        chunkSizeWarningLimit: 700,
      },
    };
  });
}
