import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ToastProvider } from '@alawein/ui';
import { SupabaseProvider, type AppSupabaseClient } from '@alawein/supabase-client';
import { AppContext, type AppContextValue } from './config/app-context.tsx';

export interface AppProvidersProps extends AppContextValue {
  queryClient: QueryClient;
  supabase: AppSupabaseClient;
  children: ReactNode;
}

/** The provider stack every app runs in: app config and env, React Query, Supabase, toasts. */
export function AppProviders({ config, env, queryClient, supabase, children }: AppProvidersProps) {
  return (
    <AppContext value={{ config, env }}>
      <QueryClientProvider client={queryClient}>
        <SupabaseProvider client={supabase}>
          <ToastProvider>{children}</ToastProvider>
        </SupabaseProvider>
      </QueryClientProvider>
    </AppContext>
  );
}
