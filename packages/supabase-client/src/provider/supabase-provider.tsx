import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import type { AppSupabaseClient } from '../client/types.ts';
import { SupabaseContext } from './supabase-context.ts';
import { applyAuthEvent } from './sync-auth-state.ts';

export interface SupabaseProviderProps {
  client: AppSupabaseClient;
  children?: ReactNode;
}

/**
 * Makes `client` available to the hooks and keeps the cached session in step with auth events.
 * Place it inside QueryClientProvider.
 */
export function SupabaseProvider({ client, children }: SupabaseProviderProps) {
  const queryClient = useQueryClient();
  useEffect(() => {
    // The callback must stay synchronous and not call other auth methods (supabase-js holds a lock).
    const { data } = client.auth.onAuthStateChange((event, session) =>
      applyAuthEvent(queryClient, event, session),
    );
    return () => data.subscription.unsubscribe();
  }, [client, queryClient]);
  return <SupabaseContext.Provider value={client}>{children}</SupabaseContext.Provider>;
}
