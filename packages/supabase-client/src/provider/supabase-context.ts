import { createContext, useContext } from 'react';
import type { AppSupabaseClient } from '../client/types.ts';

export const SupabaseContext = createContext<AppSupabaseClient | null>(null);

/** The client given to the nearest SupabaseProvider. */
export function useSupabase(): AppSupabaseClient {
  const client = useContext(SupabaseContext);
  if (!client) throw new Error('useSupabase must be used inside <SupabaseProvider client={…}>');
  return client;
}
