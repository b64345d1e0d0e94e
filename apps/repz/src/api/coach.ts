import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { coachLinkSchema, repzApi, type CoachLink } from '@alawein/repz-domain';
import { callFunction, unwrap, useSupabase } from '@alawein/supabase-client';
import { coachKeys, partnerNameKeys } from './keys.ts';

export type { CoachLink } from '@alawein/repz-domain';

const LINK_COLUMNS =
  'id, coach_id, client_id, status, invite_code, invite_expires_at, accepted_at, ended_at, created_at, updated_at';

/** Every link the user is part of, as coach or client (RLS shows only those). */
export function useCoachLinksQuery() {
  const client = useSupabase();
  return useQuery({
    queryKey: coachKeys.lists(),
    queryFn: async () =>
      coachLinkSchema
        .array()
        .parse(
          unwrap(
            await client
              .from('repz_coach_links')
              .select(LINK_COLUMNS)
              .order('created_at', { ascending: false }),
          ),
        ),
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
    // A link accepted or ended changes who the partners are, and so their names.
    onSuccess: () =>
      Promise.all(
        [coachKeys.all, partnerNameKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export function useCreateInviteMutation() {
  const client = useSupabase();
  return useCoachMutation(() => callFunction(client, repzApi.createInvite));
}

export function useAcceptInviteMutation() {
  const client = useSupabase();
  return useCoachMutation((code: string) =>
    callFunction(client, repzApi.acceptInvite, { body: { code } }),
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
