import { coachAcceptSchema } from '@alawein/repz-domain';
import { Button, DangerActions, Dialog, EmptyState, Field, Input, useToast } from '@alawein/ui';
import { useState } from 'react';
import {
  activePartners,
  useAcceptInviteMutation,
  useCoachLinksQuery,
  useCreateInviteMutation,
  useEndLinkMutation,
  type CoachLink,
} from '../api/coach.ts';
import { useMe } from '../api/use-me.ts';
import { ApiError } from '@alawein/supabase-client';
import { PartnerName, usePartnerName } from '../api/partner-names.tsx';
import { LinkButton, Page, QueryState, Section } from '@alawein/app-kit';

/** Both sides of coaching: a coach invites and sees clients; a client accepts an invite and sees their coach. */
export default function CoachPage() {
  const me = useMe();
  const links = useCoachLinksQuery();
  return (
    <Page title="Coaching">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <InviteSection />
        <AcceptSection />
      </div>
      <QueryState query={links} label="your coaching links">
        {(data) => <Links links={data} me={me} />}
      </QueryState>
    </Page>
  );
}

function InviteSection() {
  const invite = useCreateInviteMutation();
  return (
    <Section title="Coach someone">
      <p className="text-sm text-muted-fg">
        Create a one-time code and give it to your client. They enter it on their Coaching page.
      </p>
      <div>
        <Button
          onClick={() => invite.mutate()}
          loading={invite.isPending}
          data-testid="create-invite"
        >
          Create invite code
        </Button>
      </div>
      {invite.data && (
        <p role="status">
          Code:{' '}
          <strong className="font-mono text-xl tracking-widest" data-testid="invite-code">
            {invite.data.code}
          </strong>
          <span className="block text-sm text-muted-fg">
            valid until {new Date(invite.data.expires_at).toLocaleString()}
          </span>
        </p>
      )}
      {invite.isError && (
        <p role="alert" className="text-sm text-danger">
          {invite.error.message}
        </p>
      )}
    </Section>
  );
}

function AcceptSection() {
  const accept = useAcceptInviteMutation();
  const { toast } = useToast();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    const parsed = coachAcceptSchema.safeParse({ code });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Enter the code');
    setError(undefined);
    accept.mutate(parsed.data.code, {
      onSuccess: () => {
        setCode('');
        toast({
          title: 'You are now coached',
          description: 'Your coach can see your workouts, progress and photos.',
          variant: 'success',
        });
      },
      onError: (cause) =>
        setError(cause instanceof ApiError ? cause.message : 'Could not accept the invite'),
    });
  };
  return (
    <Section title="Join a coach">
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field
          label="Invite code"
          hint="8 letters or digits from your coach"
          error={error}
          required
        >
          <Input
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            className="font-mono uppercase"
            data-testid="accept-code"
          />
        </Field>
        <Button type="submit" loading={accept.isPending} data-testid="accept-invite">
          Accept
        </Button>
      </form>
    </Section>
  );
}

function Links({ links, me }: { links: CoachLink[]; me: string }) {
  const partners = activePartners(links, me);
  const clients = partners.filter((partner) => partner.role === 'client');
  const coaches = partners.filter((partner) => partner.role === 'coach');
  const pending = links.filter((link) => link.status === 'pending' && link.coach_id === me);
  return (
    <>
      <Section title="Your clients">
        {clients.length === 0 ? (
          <EmptyState
            title="No clients yet"
            description="Clients appear here once they accept your invite."
            headingLevel={3}
          />
        ) : (
          <ul className="flex flex-col gap-2" data-testid="client-list">
            {clients.map((client) => (
              <li key={client.linkId} className="flex flex-wrap items-center gap-3">
                <span>
                  Client <PartnerName id={client.partnerId} />
                </span>
                <LinkButton to={`/coach/clients/${client.partnerId}`} data-testid="open-client">
                  Workouts and progress
                </LinkButton>
                <LinkButton to={`/messages/${client.partnerId}`}>Messages</LinkButton>
                <EndLink linkId={client.linkId} side="client" partnerId={client.partnerId} />
              </li>
            ))}
          </ul>
        )}
        {pending.length > 0 && (
          <p className="text-sm text-muted-fg">
            Open invites: {pending.map((link) => link.invite_code).join(', ')}
          </p>
        )}
      </Section>
      <Section title="Your coach">
        {coaches.length === 0 ? (
          <EmptyState
            title="No coach"
            description="Enter an invite code above to share your training with a coach."
            headingLevel={3}
          />
        ) : (
          <ul className="flex flex-col gap-2" data-testid="coach-list">
            {coaches.map((coach) => (
              <li key={coach.linkId} className="flex flex-wrap items-center gap-3">
                <span>
                  Coach <PartnerName id={coach.partnerId} />
                </span>
                <LinkButton to={`/messages/${coach.partnerId}`}>Messages</LinkButton>
                <EndLink linkId={coach.linkId} side="coach" partnerId={coach.partnerId} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function EndLink({
  linkId,
  side,
  partnerId,
}: {
  linkId: string;
  side: 'client' | 'coach';
  partnerId: string;
}) {
  const who = `${side} ${usePartnerName(partnerId)}`;
  const end = useEndLinkMutation();
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`End coaching with ${who}?`}
      description="Access to workouts, progress and photos stops at once; messages stop too."
      trigger={<Button variant="ghost">End</Button>}
      footer={
        <DangerActions
          cancelLabel="Cancel"
          confirmLabel="End coaching"
          loading={end.isPending}
          onConfirm={() => end.mutate(linkId, { onSuccess: () => setOpen(false) })}
        />
      }
    >
      {end.isError && <p role="alert">{end.error.message}</p>}
    </Dialog>
  );
}
