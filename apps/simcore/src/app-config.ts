import type { AppConfig } from '@alawein/app-kit';

/** What makes this app SimCore; routes, auth and providers come from @alawein/app-kit. */
export const appConfig: AppConfig = {
  id: 'simcore',
  productName: 'SimCore',
  home: () => import('./home.tsx'),
};
