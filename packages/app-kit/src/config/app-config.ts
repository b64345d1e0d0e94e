import type { ComponentType, ReactNode } from 'react';
import type { ShellNavItem } from '@alawein/ui';
import type { AppEnv } from '../env/app-env.ts';

/** What an app tells the kit about itself; everything else (routes, providers, auth) is shared. */
export interface AppConfig {
  /** Folder name under apps/ and the `app` tag on logs and Sentry events, e.g. "repz". */
  id: string;
  /** Shown in the header and page titles, e.g. "REPZ". */
  productName: string;
  /** The home page module, loaded lazily as its own chunk: `() => import('./home.tsx')`. */
  home: () => Promise<{ default: ComponentType }>;
  /** Main navigation: only features that exist. Account and sign-in links are added by the kit. */
  nav?: ShellNavItem[];
  /** Footer content, e.g. a one-line description. */
  footer?: ReactNode;
  /** The app's own pages, each loaded lazily as its own chunk. */
  routes?: AppRoute[];
}

/** One of the app's own pages. */
export interface AppRoute {
  /** react-router path, e.g. "workouts/:id". */
  path: string;
  /** The page module: `() => import('./pages/history-page.tsx')`. */
  load: () => Promise<{ default: ComponentType }>;
  /** Signed-in users only (RequireAuth sends others to sign in and back). */
  protected?: boolean;
}

/** The app's config plus how to read its environment (the app's own src/env.ts). */
export interface StartAppOptions extends AppConfig {
  readEnv: () => AppEnv;
}
