import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, useSupabase } from '@alawein/supabase-client';
import { apiPath, callApi } from '../lib/api-client.ts';
import { coachKeys } from './keys.ts';

export interface CoachLink {
  id: string;
  coach_id: string;
  client_id: string | null;
  status: 'pending' | 'active' | 'ended';
  invite_code: string;
  invite_expires_at: string;
  accepted_at: string | null;
}

/** Every link the user is part of, as coach or client (RLS shows only those). */
export function useCoachLinksQuery() {
  const client = useSupabase();
  return useQuery({
    queryKey: coachKeys.lists(),
    queryFn: async () =>
      unwrap(
        await client
          .from('repz_coach_links')
          .select('id, coach_id, client_id, status, invite_code, invite_expires_at, accepted_at')
          .order('created_at', { ascending: false }),
      ) as CoachLink[],
  });
}

/** The people the user has an active link with, and on which side. */
export function activePartners(
  links: readonly CoachLink[],
  me: string,
): { partnerId: string; role: 'client' | 'coach'; linkId: string }[] {
  return links
    .filter((link) => link.status === 'active' && link.client_id !== null)
    .map((link) =>
      link.coach_id === me
        ? { partnerId: link.client_id!, role: 'client' as const, linkId: link.id }
        : { partnerId: link.coach_id, role: 'coach' as const, linkId: link.id },
    );
}

function useCoachMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coachKeys.all }),
  });
}

export function useCreateInviteMutation() {
  const client = useSupabase();
  return useCoachMutation(() =>
    callApi<{ code: string; expires_at: string }>(client, apiPath('coach/invite'), 'POST', {}),
  );
}

export function useAcceptInviteMutation() {
  const client = useSupabase();
  return useCoachMutation((code: string) =>
    callApi<CoachLink>(client, apiPath('coach/accept'), 'POST', { code }),
  );
}

/** Ends a link (either side may); the coach loses access to the client's data at once. */
export function useEndLinkMutation() {
  const client = useSupabase();
  return useCoachMutation(async (linkId: string) =>
    unwrap(
      await client
        .from('repz_coach_links')
        .update({ status: 'ended', ended_at: new Date().toISOString() })
        .eq('id', linkId)
        .select('id')
        .single(),
    ),
  );
}
