import type { AppConfig } from '@alawein/app-kit';

/** What makes this app REPZ; routes, auth and providers come from @alawein/app-kit. */
export const appConfig: AppConfig = {
  id: 'repz',
  productName: 'REPZ',
  home: () => import('./home.tsx'),
  footer: 'REPZ — Strength training log and coaching.',
};
