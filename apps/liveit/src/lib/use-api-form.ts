import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { apiErrors, type CheckResult, type FormErrors } from './form-check.ts';

export type SaveState = 'idle' | 'saving' | 'saved';

export interface ApiFormOptions<F extends string, T, R> {
  initial: Record<F, string>;
  /** The API input from the form's text, checked with the API's schema (see checkInput). */
  build: (values: Record<F, string>) => CheckResult<T, F>;
  /** Sends the input; a rejection is shown next to the field its `error.field` names. */
  send: (input: T) => Promise<R>;
  /** Maps the API's field names to the form's. */
  fieldOf: (apiField: string) => F | undefined;
  /** After a successful send; return values to reset the form to (a create form empties). */
  onSaved?: (result: R) => Record<F, string> | void;
}

/**
 * State of a form that talks to liveit-api: text values, errors per field (client checks first,
 * then the API's answer), a save state for the status message, and focus moved to the first
 * invalid control so keyboard and screen-reader users land on what needs fixing.
 */
export function useApiForm<F extends string, T, R>({
  initial,
  build,
  send,
  fieldOf,
  onSaved,
}: ApiFormOptions<F, T, R>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors<F>>({});
  const [state, setState] = useState<SaveState>('idle');

  function showErrors(form: HTMLFormElement, next: FormErrors<F>) {
    flushSync(() => setErrors(next));
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** A change after a save hides "Saved": what is shown is no longer what was saved. */
  function updateValues(update: (current: Record<F, string>) => Record<F, string>) {
    setValues(update);
    if (state === 'saved') setState('idle');
  }

  function setValue(field: F, value: string) {
    updateValues((current) => ({ ...current, [field]: value }));
  }

  async function submit(form: HTMLFormElement) {
    const checked = build(values);
    if (!checked.ok) {
      setState('idle');
      showErrors(form, checked.errors);
      return;
    }
    setErrors({});
    setState('saving');
    try {
      const result = await send(checked.data);
      const reset = onSaved?.(result);
      if (reset) setValues(reset);
      setState('saved');
    } catch (error) {
      setState('idle');
      showErrors(form, apiErrors(error, fieldOf));
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state !== 'saving') void submit(event.currentTarget);
  }

  return { values, setValue, setValues: updateValues, errors, state, onSubmit };
}
