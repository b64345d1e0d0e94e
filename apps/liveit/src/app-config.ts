import type { AppConfig } from '@alawein/app-kit';

/** What makes this app LiveIt; routes, auth and providers come from @alawein/app-kit. */
export const appConfig: AppConfig = {
  id: 'liveit',
  productName: 'LiveIt',
  home: () => import('./home.tsx'),
};
