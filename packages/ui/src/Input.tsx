import { clsx } from 'clsx';
import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'react';
import { useFieldControl } from './field-context.ts';

/** Shared look of text controls; aria-invalid switches the border to the danger colour. */
export const controlClass =
  'w-full rounded-control border border-control-border bg-bg px-3 text-sm text-fg placeholder:text-muted-fg ' +
  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring ' +
  'aria-invalid:border-danger disabled:cursor-not-allowed disabled:opacity-60';

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
}

/** Text input; inside a Field it takes the Field's id, description and invalid state. */
export function Input({ className, ...rest }: InputProps) {
  const field = useFieldControl();
  return <input {...field} {...rest} className={clsx(controlClass, 'h-10', className)} />;
}

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  ref?: Ref<HTMLTextAreaElement>;
}

/** Multi-line input with the same Field wiring as Input. */
export function Textarea({ className, rows = 4, ...rest }: TextareaProps) {
  const field = useFieldControl();
  return (
    <textarea {...field} rows={rows} {...rest} className={clsx(controlClass, 'py-2', className)} />
  );
}
