import { clsx } from 'clsx';
import { useId, type ReactNode } from 'react';
import { FieldContext, type FieldControlProps } from './field-context.ts';

export interface FieldProps {
  /** Visible label text, tied to the control with htmlFor. */
  label: ReactNode;
  /** Help shown under the control and read after the label. */
  hint?: ReactNode;
  /** Error shown under the control; marks it aria-invalid and is read after the label. */
  error?: ReactNode;
  /** Marks the control aria-required and shows a "required" hint next to the label. */
  required?: boolean;
  /** Id for the control; generated when omitted. */
  id?: string;
  className?: string;
  /** One control (Input, Textarea, Select, or anything calling useFieldControl). */
  children: ReactNode;
}

/** Label, control, hint and error, wired with htmlFor, aria-describedby and aria-invalid. */
export function Field({
  label,
  hint,
  error,
  required = false,
  id,
  className,
  children,
}: FieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const describedBy = [hint ? hintId : null, hasError ? errorId : null].filter(Boolean).join(' ');

  const control: FieldControlProps = {
    id: controlId,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(hasError ? { 'aria-invalid': true as const } : {}),
    ...(required ? { 'aria-required': true as const } : {}),
  };

  return (
    <div className={clsx('flex flex-col gap-1.5', className)}>
      <label htmlFor={controlId} className="text-sm font-medium text-fg">
        {label}
        {required && (
          <span className="ml-1 text-muted-fg" aria-hidden="true">
            (required)
          </span>
        )}
      </label>
      <FieldContext value={control}>{children}</FieldContext>
      {hint && (
        <p id={hintId} className="text-sm text-muted-fg">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
