import { createContext, useContext } from 'react';
import type { TypedSupabaseClient } from '../client/types.ts';

export const SupabaseContext = createContext<TypedSupabaseClient | null>(null);

/** The client given to the nearest SupabaseProvider. */
export function useSupabase(): TypedSupabaseClient {
  const client = useContext(SupabaseContext);
  if (!client) throw new Error('useSupabase must be used inside <SupabaseProvider client={…}>');
  return client;
}
