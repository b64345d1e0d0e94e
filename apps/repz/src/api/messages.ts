import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { REALTIME_SUBSCRIBE_STATES } from '@supabase/supabase-js';
import { unwrap, useSupabase } from '@alawein/supabase-client';
import { chatMessageSchema, type ChatMessage } from '@alawein/repz-domain';
import { messageKeys } from './keys.ts';

const COLUMNS = 'id, sender_id, recipient_id, body, sent_at, read_at';
export const MESSAGE_MAX_LENGTH = 4000;

/** Every message the user sent or received (RLS shows no others), oldest first. */
export function useMessagesQuery(me: string) {
  const client = useSupabase();
  return useQuery({
    queryKey: messageKeys.list({ me }),
    queryFn: async () =>
      unwrap(await client.from('repz_messages').select(COLUMNS).order('sent_at').limit(1000)),
  });
}

/** Polling interval while the live channel is down, so messages still arrive. */
const FALLBACK_POLL_MS = 15_000;

/**
 * Appends messages sent to `me` to the cached list as they are inserted, through a Realtime
 * postgres_changes subscription (the server checks RLS before delivering each row). Returns whether
 * the channel is live; while it is not, the message list is refetched every 15 s instead.
 */
export function useLiveMessages(me: string): boolean {
  const client = useSupabase();
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (live) return;
    const timer = setInterval(
      () => void queryClient.invalidateQueries({ queryKey: messageKeys.list({ me }) }),
      FALLBACK_POLL_MS,
    );
    return () => clearInterval(timer);
  }, [live, me, queryClient]);
  useEffect(() => {
    // Realtime is part of the full client, loaded on demand: the effect may end before it arrives.
    let stop: (() => void) | undefined;
    let ended = false;
    void client.full().then((full) => {
      if (ended) return;
      const channel = full
        .channel(`repz-messages:${me}`)
        .on(
          'postgres_changes',
          {
            event: 'INSERT',
            schema: 'public',
            table: 'repz_messages',
            filter: `recipient_id=eq.${me}`,
          },
          (payload) => {
            const parsed = chatMessageSchema.safeParse(payload.new);
            // A row of an unexpected shape is not shown as is: refetch the list instead.
            if (!parsed.success) {
              void queryClient.invalidateQueries({ queryKey: messageKeys.list({ me }) });
              return;
            }
            const message = parsed.data;
            queryClient.setQueryData<ChatMessage[]>(messageKeys.list({ me }), (current) =>
              current?.some((existing) => existing.id === message.id)
                ? current
                : [...(current ?? []), message],
            );
          },
        )
        .subscribe((status) => {
          setLive(status === REALTIME_SUBSCRIBE_STATES.SUBSCRIBED);
          // Catch up on anything sent while the channel was down.
          if (status === REALTIME_SUBSCRIBE_STATES.SUBSCRIBED)
            void queryClient.invalidateQueries({ queryKey: messageKeys.list({ me }) });
        });
      stop = () => void full.removeChannel(channel);
    });
    return () => {
      ended = true;
      stop?.();
    };
  }, [client, me, queryClient]);
  return live;
}

export function useSendMessageMutation(me: string) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ to, body }: { to: string; body: string }) =>
      chatMessageSchema.parse(
        unwrap(
          await client
            .from('repz_messages')
            .insert({ recipient_id: to, body: body.trim() })
            .select(COLUMNS)
            .single(),
        ),
      ),
    onSuccess: (message) =>
      queryClient.setQueryData<ChatMessage[]>(messageKeys.list({ me }), (current) => [
        ...(current ?? []),
        message,
      ]),
  });
}

export function useMarkReadMutation(me: string) {
  const client = useSupabase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      const readAt = new Date().toISOString();
      unwrap(
        await client.from('repz_messages').update({ read_at: readAt }).in('id', ids).select('id'),
      );
      return { ids, readAt };
    },
    onSuccess: ({ ids, readAt }) =>
      queryClient.setQueryData<ChatMessage[]>(messageKeys.list({ me }), (current) =>
        current?.map((message) =>
          ids.includes(message.id) ? { ...message, read_at: readAt } : message,
        ),
      ),
  });
}
