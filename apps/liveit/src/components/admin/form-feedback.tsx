import type { SaveState } from '../../lib/use-api-form.ts';

/**
 * "Saved" in a status region (always rendered, so screen readers announce the change) and an
 * error that belongs to no single field as an alert.
 */
export function FormFeedback({
  state,
  error,
  saved = 'Saved',
}: {
  state: SaveState;
  error?: string | undefined;
  saved?: string;
}) {
  return (
    <>
      <p role="status" className="text-sm">
        {state === 'saved' ? saved : ''}
      </p>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
    </>
  );
}
