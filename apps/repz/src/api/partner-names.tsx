import { useQuery } from '@tanstack/react-query';
import { unwrap, useSupabase } from '@alawein/supabase-client';
import { shortId } from '../lib/short-id.ts';
import { partnerNameKeys } from './keys.ts';

/**
 * Display names of the user's active coaching partners, from `repz_partner_names()` (profiles
 * themselves are owner-only). Falls back to a short id while loading or once a link has ended.
 */
export function usePartnerName(partnerId: string): string {
  const client = useSupabase();
  const query = useQuery({
    queryKey: partnerNameKeys.lists(),
    queryFn: async () => unwrap(await client.rpc('repz_partner_names')),
  });
  const partner = query.data?.find((row) => row.partner_id === partnerId);
  return partner?.display_name ?? shortId(partnerId);
}

/** A partner's display name, for use inside text. */
export function PartnerName({ id }: { id: string }) {
  return <>{usePartnerName(id)}</>;
}
