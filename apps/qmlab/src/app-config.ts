import type { AppConfig } from '@alawein/app-kit';

/** What makes this app QMLab; routes, auth and providers come from @alawein/app-kit. */
export const appConfig: AppConfig = {
  id: 'qmlab',
  productName: 'QMLab',
  home: () => import('./home.tsx'),
};
