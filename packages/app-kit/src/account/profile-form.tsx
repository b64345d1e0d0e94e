import { useId, useState, type FormEvent } from 'react';
import { Button, Field, Input, useToast } from '@alawein/ui';
import { useUpdateProfile, type PreferredUnits, type Profile } from '@alawein/supabase-client';
import { validateProfileInput, DISPLAY_NAME_MAX } from './profile-input.ts';

const UNITS: { value: PreferredUnits; label: string }[] = [
  { value: 'kg', label: 'Kilograms (kg)' },
  { value: 'lb', label: 'Pounds (lb)' },
];

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** Edits the signed-in user's display name and preferred units; saves through supabase-js under RLS. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const [displayName, setDisplayName] = useState(profile.display_name);
  const [units, setUnits] = useState<PreferredUnits>(profile.preferred_units);
  const [nameError, setNameError] = useState<string | undefined>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const update = useUpdateProfile();
  const { toast } = useToast();
  const unitsLegendId = useId();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = validateProfileInput({ displayName, units });
    setNameError(input.ok ? undefined : input.error);
    if (!input.ok) return;
    setStatus({ kind: 'idle' });
    try {
      await update.mutateAsync(input.value);
      setStatus({ kind: 'saved' });
      toast({ title: 'Profile saved', variant: 'success' });
    } catch (error) {
      setStatus({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void save(event)}
      className="flex max-w-md flex-col gap-5"
      data-testid="profile-form"
    >
      <Field
        label="Display name"
        hint="Shown to people you train or share with."
        error={nameError}
        required
      >
        <Input
          name="displayName"
          value={displayName}
          maxLength={DISPLAY_NAME_MAX}
          autoComplete="nickname"
          onChange={(event) => setDisplayName(event.target.value)}
          data-testid="account-display-name"
        />
      </Field>
      <fieldset className="flex flex-col gap-2" aria-labelledby={unitsLegendId}>
        <legend id={unitsLegendId} className="text-sm font-medium text-fg">
          Preferred units
        </legend>
        {UNITS.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-fg">
            <input
              type="radio"
              name="units"
              value={option.value}
              checked={units === option.value}
              onChange={() => setUnits(option.value)}
              className="size-4 accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
              data-testid={`account-units-${option.value}`}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <div className="flex items-center gap-4">
        <Button type="submit" loading={update.isPending} data-testid="account-save">
          Save changes
        </Button>
        <p role="status" className="text-sm" data-testid="account-status">
          {status.kind === 'saved' && <span className="text-success">Profile saved.</span>}
          {status.kind === 'failed' && (
            <span className="text-danger">Could not save: {status.message}</span>
          )}
        </p>
      </div>
    </form>
  );
}
