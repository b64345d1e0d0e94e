import type { AppConfig } from '@alawein/app-kit';

/**
 * What makes this app QMLab; routes, auth and providers come from @alawein/app-kit. Every page is
 * its own chunk, so the simulator, its worker and the results views load only on the lab routes.
 */
export const appConfig: AppConfig = {
  id: 'qmlab',
  productName: 'QMLab',
  home: () => import('./home.tsx'),
  nav: [
    { href: '/lab', label: 'Lab', testId: 'nav-lab' },
    { href: '/circuits', label: 'My circuits', testId: 'nav-circuits' },
  ],
  routes: [
    { path: 'lab', load: () => import('./pages/lab-page.tsx') },
    { path: 'lab/:id', load: () => import('./pages/lab-page.tsx'), protected: true },
    { path: 'circuits', load: () => import('./pages/circuits-page.tsx'), protected: true },
    { path: 'shared/:token', load: () => import('./pages/shared-page.tsx') },
  ],
};
