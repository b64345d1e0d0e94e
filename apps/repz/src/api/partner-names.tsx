import { useQuery } from '@tanstack/react-query';
import { unwrap, useSupabase } from '@alawein/supabase-client';
import { shortId } from '../lib/short-id.ts';
import { coachKeys } from './keys.ts';

/**
 * Display names of coaching partners (profiles RLS lets coach and client read each other's while
 * their link is active). Falls back to a short id while loading or once a link has ended.
 */
export function usePartnerName(partnerId: string): string {
  const client = useSupabase();
  const query = useQuery({
    queryKey: [...coachKeys.all, 'partner-name', partnerId] as const,
    queryFn: async () =>
      unwrap(
        await client.from('profiles').select('display_name').eq('id', partnerId).maybeSingle(),
      ) as {
        display_name: string;
      } | null,
  });
  return query.data?.display_name ?? shortId(partnerId);
}

/** A partner's display name, for use inside text. */
export function PartnerName({ id }: { id: string }) {
  return <>{usePartnerName(id)}</>;
}
