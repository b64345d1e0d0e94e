// Forms check their input with the API's own zod schemas (from @alawein/liveit-domain) before
// sending it, and show the API's answer next to the field it names, so the browser and the
// function agree on what is valid and every message lands where the person is looking.
import { ApiError } from '@alawein/supabase-client';
import { errorMessage } from '@alawein/ui';

/** A message per form field; `form` holds what belongs to no field. */
export type FormErrors<F extends string> = Partial<Record<F | 'form', string>>;

/** What the forms use of a zod schema (structural, so the app does not depend on zod itself). */
export interface InputSchema<T> {
  safeParse(input: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
}

export type CheckResult<T, F extends string> =
  { ok: true; data: T } | { ok: false; errors: FormErrors<F> };

/**
 * `input` parsed with an API schema, or the first message per form field. `fieldOf` maps the
 * API's top-level field (`price_cents`) to the form's (`price`); issues it does not map go to
 * `form`. `known` are errors found before the schema (text that is not a number): they win.
 */
export function checkInput<T, F extends string>(
  schema: InputSchema<T>,
  input: unknown,
  fieldOf: (apiField: string) => F | undefined,
  known: FormErrors<F> = {},
): CheckResult<T, F> {
  const parsed = schema.safeParse(input);
  const errors: FormErrors<F> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      errors[(typeof key === 'string' ? fieldOf(key) : undefined) ?? 'form'] ??= issue.message;
    }
  }
  Object.assign(errors, known);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors };
}

/** An API error as form errors: next to the field `error.field` names, else for the form. */
export function apiErrors<F extends string>(
  error: unknown,
  fieldOf: (apiField: string) => F | undefined,
): FormErrors<F> {
  const apiField = error instanceof ApiError ? error.field?.split('.')[0] : undefined;
  const errors: FormErrors<F> = {};
  errors[(apiField === undefined ? undefined : fieldOf(apiField)) ?? 'form'] = errorMessage(error);
  return errors;
}

/** `fieldOf` for forms whose fields are the API's, some renamed: fieldsOf(['sku'], {price_cents: 'price'}). */
export function fieldsOf<F extends string>(
  fields: readonly F[],
  renamed: Partial<Record<string, F>> = {},
): (apiField: string) => F | undefined {
  return (apiField) => renamed[apiField] ?? fields.find((field) => field === apiField);
}

/** A count typed into a form ("12") as a number; undefined unless it is a whole number ≥ 0. */
export function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}
