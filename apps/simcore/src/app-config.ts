import type { AppConfig } from '@alawein/app-kit';

/** What makes this app SimCore; routes, auth and providers come from @alawein/app-kit. Every
 * page is its own chunk, so the engine, the worker and the charts load only on module and run pages. */
export const appConfig: AppConfig = {
  id: 'simcore',
  productName: 'SimCore',
  home: () => import('./home.tsx'),
  nav: [
    { href: '/modules', label: 'Modules', testId: 'nav-modules' },
    { href: '/runs', label: 'My runs', testId: 'nav-runs' },
  ],
  routes: [
    { path: 'modules', load: () => import('./pages/gallery-page.tsx') },
    { path: 'modules/:moduleId', load: () => import('./pages/module-page.tsx') },
    { path: 'runs', load: () => import('./pages/runs-page.tsx'), protected: true },
    { path: 'runs/:id', load: () => import('./pages/run-page.tsx'), protected: true },
    { path: 'compare', load: () => import('./pages/compare-page.tsx'), protected: true },
    { path: 'shared/:token', load: () => import('./pages/shared-run-page.tsx') },
  ],
};
