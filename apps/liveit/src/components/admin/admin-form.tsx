import type { FormEvent, ReactNode } from 'react';
import { Button, Field, Input, type ButtonProps } from '@alawein/ui';
import type { FormErrors } from '../../lib/form-check.ts';
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

/** An admin form driven by useApiForm: its fields, the submit button (plus `actions`), feedback. */
export function AdminForm({
  label,
  form,
  submit,
  saved,
  buttonSize,
  actions,
  className = 'flex flex-col gap-3',
  children,
}: {
  /** The form's accessible name. */
  label: string;
  form: {
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    state: SaveState;
    errors: { form?: string };
  };
  submit: ReactNode;
  saved?: string;
  buttonSize?: ButtonProps['size'];
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={label} className={className}>
      {children}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size={buttonSize} loading={form.state === 'saving'}>
          {submit}
        </Button>
        {actions}
      </div>
      <FormFeedback state={form.state} error={form.errors.form} {...(saved ? { saved } : {})} />
    </form>
  );
}

/** A labelled text input of a useApiForm form, showing that field's error. */
export function TextField<F extends string>({
  form,
  field,
  label,
  hint,
  required = false,
  inputMode,
  className,
}: {
  form: {
    values: Record<F, string>;
    errors: FormErrors<F>;
    setValue: (field: F, value: string) => void;
  };
  field: F;
  label: string;
  hint?: string;
  required?: boolean;
  inputMode?: 'decimal' | 'numeric';
  className?: string;
}) {
  return (
    <Field label={label} hint={hint} error={form.errors[field]} required={required}>
      <Input
        name={field}
        value={form.values[field]}
        inputMode={inputMode}
        className={className}
        onChange={(event) => form.setValue(field, event.target.value)}
      />
    </Field>
  );
}
