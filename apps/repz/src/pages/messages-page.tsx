import { Button, EmptyState, Field, Spinner, Textarea, ErrorFallback } from '@alawein/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { activePartners, useCoachLinksQuery } from '../api/coach.ts';
import {
  MESSAGE_MAX_LENGTH,
  useLiveMessages,
  useMarkReadMutation,
  useMessagesQuery,
  useSendMessageMutation,
} from '../api/messages.ts';
import { useMe } from '../api/use-me.ts';
import { browserTimeZone } from '../lib/age.ts';
import { groupByDay, unreadFor, type ChatMessage } from '../lib/message-groups.ts';
import { PartnerName, usePartnerName } from '../api/partner-names.tsx';
import { Page } from '@alawein/app-kit';

/** Conversations with each active coach or client; new messages arrive live. */
export default function MessagesPage() {
  const me = useMe();
  const { partnerId } = useParams();
  const links = useCoachLinksQuery();
  const messages = useMessagesQuery(me);
  const live = useLiveMessages(me);

  if (links.isPending || messages.isPending) return <Spinner label="Loading messages" />;
  if (links.isError)
    return <ErrorFallback error={links.error} onRetry={() => void links.refetch()} />;
  if (messages.isError)
    return <ErrorFallback error={messages.error} onRetry={() => void messages.refetch()} />;
  const partners = activePartners(links.data, me);
  const current = partners.find((partner) => partner.partnerId === partnerId);
  return (
    <Page
      title="Messages"
      actions={
        <span className="text-sm text-muted-fg" role="status" data-testid="live-status">
          {live ? 'Live' : 'Connecting… new messages are checked every 15 s'}
        </span>
      }
    >
      {partners.length === 0 ? (
        <EmptyState
          title="No conversations"
          description="Messages are between a coach and a client: link up on the Coaching page."
          action={<Link to="/coach">Coaching</Link>}
        />
      ) : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-[14rem_1fr]">
          <nav aria-label="Conversations">
            <ul className="flex flex-col gap-1">
              {partners.map((partner) => {
                const unread = unreadFor(
                  messages.data.filter((m) => m.sender_id === partner.partnerId),
                  me,
                ).length;
                return (
                  <li key={partner.partnerId}>
                    <Link
                      to={`/messages/${partner.partnerId}`}
                      aria-current={partner.partnerId === partnerId ? 'page' : undefined}
                      className="block rounded-md px-3 py-2 hover:bg-muted aria-[current=page]:bg-muted aria-[current=page]:font-semibold"
                    >
                      {partner.role === 'coach' ? 'Coach' : 'Client'}{' '}
                      <PartnerName id={partner.partnerId} />
                      {unread > 0 && (
                        <span className="ml-2 rounded-full bg-primary px-2 text-xs text-primary-fg">
                          {unread} new
                        </span>
                      )}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          {current ? (
            <Conversation me={me} partnerId={current.partnerId} all={messages.data} />
          ) : (
            <p className="text-muted-fg">Choose a conversation.</p>
          )}
        </div>
      )}
    </Page>
  );
}

function Conversation({
  me,
  partnerId,
  all,
}: {
  me: string;
  partnerId: string;
  all: ChatMessage[];
}) {
  const partnerName = usePartnerName(partnerId);
  const send = useSendMessageMutation(me);
  const markRead = useMarkReadMutation(me);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const bottom = useRef<HTMLDivElement>(null);
  const thread = useMemo(
    () =>
      all.filter(
        (m) =>
          (m.sender_id === me && m.recipient_id === partnerId) ||
          (m.sender_id === partnerId && m.recipient_id === me),
      ),
    [all, me, partnerId],
  );
  const days = useMemo(() => groupByDay(thread, browserTimeZone()), [thread]);
  const unread = useMemo(() => unreadFor(thread, me), [thread, me]);
  const { mutate: markAsRead, isPending: marking } = markRead;

  useEffect(() => {
    if (unread.length > 0 && !marking) markAsRead(unread);
  }, [unread, marking, markAsRead]);
  // Braces matter: scrollIntoView returns a promise in recent Chromium, which React would call as a cleanup.
  useEffect(() => {
    void bottom.current?.scrollIntoView({ block: 'end' });
  }, [thread.length]);

  const submit = () => {
    const text = body.trim();
    if (!text) return setError('Write a message first');
    if (text.length > MESSAGE_MAX_LENGTH)
      return setError(`At most ${MESSAGE_MAX_LENGTH} characters`);
    setError(undefined);
    send.mutate(
      { to: partnerId, body: text },
      { onSuccess: () => setBody(''), onError: (cause) => setError(cause.message) },
    );
  };

  return (
    <section className="flex flex-col gap-3" aria-label={`Conversation with ${partnerName}`}>
      <div
        className="flex max-h-[60vh] flex-col gap-4 overflow-y-auto rounded-lg border border-border p-3"
        role="log"
        aria-live="polite"
        data-testid="message-log"
      >
        {days.length === 0 && <p className="text-muted-fg">No messages yet. Say hello.</p>}
        {days.map((day) => (
          <div key={day.day} className="flex flex-col gap-2">
            <h3 className="text-center text-xs text-muted-fg">
              {new Date(`${day.day}T12:00:00`).toLocaleDateString(undefined, { dateStyle: 'full' })}
            </h3>
            {day.messages.map((message) => {
              const mine = message.sender_id === me;
              return (
                <p
                  key={message.id}
                  className={`max-w-[80%] whitespace-pre-wrap rounded-lg px-3 py-2 ${mine ? 'self-end bg-primary text-primary-fg' : 'self-start bg-muted'}`}
                  data-testid="message"
                >
                  <span className="sr-only">{mine ? 'You' : 'They'}: </span>
                  {message.body}
                  <span className="block text-xs opacity-80">
                    {new Date(message.sent_at).toLocaleTimeString(undefined, {
                      timeStyle: 'short',
                    })}
                    {mine && message.read_at ? ' · read' : ''}
                  </span>
                </p>
              );
            })}
          </div>
        ))}
        <div ref={bottom} />
      </div>
      <form
        noValidate
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label="Message" error={error} hint="Enter sends; Shift+Enter starts a new line">
          <Textarea
            rows={2}
            value={body}
            maxLength={MESSAGE_MAX_LENGTH}
            onChange={(event) => setBody(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                event.preventDefault();
                submit();
              }
            }}
            data-testid="message-input"
          />
        </Field>
        <div>
          <Button type="submit" loading={send.isPending} data-testid="message-send">
            Send
          </Button>
        </div>
      </form>
    </section>
  );
}
