import { createContext, use, useEffect } from 'react';
import type { AppEnv } from '../env/app-env.ts';
import type { AppConfig } from './app-config.ts';

export interface AppContextValue {
  config: AppConfig;
  env: AppEnv;
}

export const AppContext = createContext<AppContextValue | null>(null);

/** The running app's config and validated environment. */
export function useApp(): AppContextValue {
  const value = use(AppContext);
  if (!value) throw new Error('useApp must be used inside the app providers (startApp).');
  return value;
}

/** Sets the document title to "<page> · <product>", or the product name alone. */
export function usePageTitle(page?: string): void {
  const { productName } = useApp().config;
  useEffect(() => {
    document.title = page ? `${page} · ${productName}` : productName;
  }, [page, productName]);
}
