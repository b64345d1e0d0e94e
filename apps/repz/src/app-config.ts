import type { AppConfig } from '@alawein/app-kit';

/** What makes this app REPZ; auth, account and providers come from @alawein/app-kit. Every page is its own chunk. */
export const appConfig: AppConfig = {
  id: 'repz',
  productName: 'REPZ',
  home: () => import('./home.tsx'),
  nav: [
    { href: '/dashboard', label: 'Dashboard', testId: 'nav-dashboard' },
    { href: '/workouts/new', label: 'Log', testId: 'nav-log' },
    { href: '/history', label: 'History', testId: 'nav-history' },
    { href: '/exercises', label: 'Exercises', testId: 'nav-exercises' },
    { href: '/body', label: 'Body', testId: 'nav-body' },
    { href: '/photos', label: 'Photos', testId: 'nav-photos' },
    { href: '/coach', label: 'Coaching', testId: 'nav-coach' },
    { href: '/messages', label: 'Messages', testId: 'nav-messages' },
  ],
  routes: [
    { path: 'dashboard', load: () => import('./pages/dashboard-page.tsx'), protected: true },
    { path: 'workouts/new', load: () => import('./pages/log-workout-page.tsx'), protected: true },
    {
      path: 'workouts/:id/edit',
      load: () => import('./pages/log-workout-page.tsx'),
      protected: true,
    },
    { path: 'history', load: () => import('./pages/history-page.tsx'), protected: true },
    { path: 'exercises', load: () => import('./pages/exercises-page.tsx'), protected: true },
    { path: 'exercises/:id', load: () => import('./pages/exercise-page.tsx'), protected: true },
    { path: 'body', load: () => import('./pages/body-page.tsx'), protected: true },
    { path: 'photos', load: () => import('./pages/photos-page.tsx'), protected: true },
    { path: 'coach', load: () => import('./pages/coach-page.tsx'), protected: true },
    {
      path: 'coach/clients/:clientId',
      load: () => import('./pages/client-page.tsx'),
      protected: true,
    },
    { path: 'messages', load: () => import('./pages/messages-page.tsx'), protected: true },
    {
      path: 'messages/:partnerId',
      load: () => import('./pages/messages-page.tsx'),
      protected: true,
    },
  ],
};
