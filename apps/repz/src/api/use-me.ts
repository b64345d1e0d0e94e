import { useUser } from '@alawein/supabase-client';

/** The signed-in user's id (pages using it sit behind RequireAuth). */
export function useMe(): string {
  const id = useUser().data?.id;
  if (!id) throw new Error('useMe needs a signed-in user');
  return id;
}
