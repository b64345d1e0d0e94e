// Saving the circuit to the account (title, description, who may see it) and its share link.
import { LIMITS, type SavedCircuit, VISIBILITIES, type Visibility } from '@alawein/qmlab-domain';
import { Button, Field, Input, Textarea } from '@alawein/ui';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSaveCircuitMutation } from '../api/circuits.ts';
import { ApiError } from '@alawein/supabase-client';

const VISIBILITY_TEXT: Record<Visibility, string> = {
  private: 'Private: only you',
  unlisted: 'Unlisted: anyone with the link',
  public: 'Public: anyone with the link, and listed',
};

/** The share link of a circuit: a route of this app that works signed out. */
export function shareUrl(token: string): string {
  return `${window.location.origin}/shared/${token}`;
}

export function SavePanel({ saved, qasm }: { saved: SavedCircuit | undefined; qasm: string }) {
  const id = useId();
  const navigate = useNavigate();
  const save = useSaveCircuitMutation();
  const [title, setTitle] = useState(saved?.title ?? '');
  const [description, setDescription] = useState(saved?.description ?? '');
  const [visibility, setVisibility] = useState<Visibility>(saved?.visibility ?? 'private');
  const [status, setStatus] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const error = save.error instanceof ApiError ? save.error : null;
  const titleError =
    error?.field === 'title'
      ? error.message
      : title.trim().length > LIMITS.titleLength
        ? 'Too long'
        : undefined;

  const submit = () => {
    if (title.trim() === '') {
      setStatus('Give the circuit a title first.');
      return;
    }
    setStatus(null);
    save.mutate(
      { id: saved?.id, input: { title, description, qasm, visibility } },
      {
        onSuccess: (circuit) => {
          setStatus(`Saved “${circuit.title}”.`);
          if (!saved) void navigate(`/lab/${circuit.id}`, { replace: true });
        },
      },
    );
  };

  const link = saved && saved.visibility !== 'private' ? shareUrl(saved.share_token) : null;

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      aria-label="Save the circuit"
    >
      <Field label="Title" required error={titleError}>
        <Input
          value={title}
          maxLength={LIMITS.titleLength}
          onChange={(event) => setTitle(event.target.value)}
          data-testid="save-title"
        />
      </Field>
      <Field label="Description">
        <Textarea
          value={description}
          rows={2}
          maxLength={LIMITS.descriptionLength}
          onChange={(event) => setDescription(event.target.value)}
        />
      </Field>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">Who can see it</legend>
        {VISIBILITIES.map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-visibility`}
              value={value}
              checked={visibility === value}
              onChange={() => setVisibility(value)}
              data-testid={`visibility-${value}`}
            />
            {VISIBILITY_TEXT[value]}
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" loading={save.isPending} data-testid="save-circuit">
          {saved ? 'Save changes' : 'Save to my circuits'}
        </Button>
      </div>
      <p role="status" className="text-sm" data-testid="save-status">
        {status}
      </p>
      {save.isError && (
        <p role="alert" className="text-sm text-danger">
          Not saved: {save.error.message}
        </p>
      )}
      {link && (
        <div className="flex flex-col gap-1">
          <Field
            label="Read-only share link"
            hint="Anyone with this link can open and fork the circuit, signed in or not."
          >
            <Input
              readOnly
              value={link}
              data-testid="share-link"
              onFocus={(event) => event.target.select()}
            />
          </Field>
          <div className="flex items-center gap-2">
            <Button
              size="sm"
              variant="secondary"
              type="button"
              onClick={() =>
                void navigator.clipboard.writeText(link).then(
                  () => setCopied('Link copied.'),
                  () => setCopied('Copying was blocked: select the link and copy it.'),
                )
              }
            >
              Copy link
            </Button>
            <span role="status" className="text-sm text-muted-fg">
              {copied}
            </span>
          </div>
        </div>
      )}
    </form>
  );
}
