import { clsx } from 'clsx';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  MIN_PASSWORD_LENGTH,
  validateAuthInput,
  type AuthFieldErrors,
  type AuthFieldName,
  type AuthMode,
  type AuthValues,
} from './auth-schema.ts';
import { Button } from './Button.tsx';
import { errorMessage } from './error-message.ts';
import { Field } from './Field.tsx';
import { Input } from './Input.tsx';

export interface AuthFormProps {
  mode: AuthMode;
  /** Called with valid values. Throwing (or rejecting) shows the error's message above the form. */
  onSubmit: (values: AuthValues) => Promise<void>;
  /** Heading; defaults to "Sign in" / "Create your account". */
  title?: ReactNode;
  /** Text under the heading. */
  description?: ReactNode;
  submitLabel?: string;
  /** Under the form, e.g. a link to the other mode or to password reset. */
  footer?: ReactNode;
  /** Sign-up minimum; match the auth server's setting. */
  minPasswordLength?: number;
  defaultEmail?: string;
  className?: string;
}

const fieldOrder: AuthFieldName[] = ['email', 'password', 'confirmPassword'];

/**
 * Email + password form for signing in or up: validates with zod on submit, focuses the first
 * invalid field, shows server errors in an alert and a pending state while onSubmit runs.
 */
export function AuthForm({
  mode,
  onSubmit,
  title,
  description,
  submitLabel,
  footer,
  minPasswordLength = MIN_PASSWORD_LENGTH,
  defaultEmail = '',
  className,
}: AuthFormProps) {
  const [errors, setErrors] = useState<AuthFieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();
  const signUp = mode === 'sign-up';
  const heading = title ?? (signUp ? 'Create your account' : 'Sign in');
  const label = submitLabel ?? (signUp ? 'Create account' : 'Sign in');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const read = (name: AuthFieldName) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const validation = validateAuthInput(
      mode,
      {
        email: read('email'),
        password: read('password'),
        confirmPassword: read('confirmPassword'),
      },
      minPasswordLength,
    );
    setServerError(null);
    if (!validation.ok) {
      setErrors(validation.errors);
      const first = fieldOrder.find((name) => validation.errors[name] !== undefined);
      if (first) formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await onSubmit(validation.values);
    } catch (error) {
      setServerError(errorMessage(error));
    } finally {
      // The form may be gone after a successful submit (navigation); React ignores the update then.
      setPending(false);
    }
  }

  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby={headingId}
      aria-busy={pending || undefined}
      data-testid="auth-form"
      onSubmit={(event) => void handleSubmit(event)}
      className={clsx('flex w-full max-w-sm flex-col gap-4', className)}
    >
      <div className="flex flex-col gap-1">
        <h1 id={headingId} className="text-2xl font-semibold text-fg">
          {heading}
        </h1>
        {description && <p className="text-sm text-muted-fg">{description}</p>}
        {/* Always mounted, so screen readers announce the message when it appears. */}
        <div role="alert" data-testid="auth-error">
          {serverError && (
            <p className="mt-3 rounded-control border border-danger bg-danger-soft px-3 py-2 text-sm text-danger">
              {serverError}
            </p>
          )}
        </div>
      </div>

      <Field label="Email" error={errors.email} required>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          defaultValue={defaultEmail}
          readOnly={pending}
          data-testid="auth-email"
        />
      </Field>
      <Field
        label="Password"
        error={errors.password}
        hint={signUp ? `At least ${minPasswordLength} characters.` : undefined}
        required
      >
        <Input
          name="password"
          type="password"
          autoComplete={signUp ? 'new-password' : 'current-password'}
          readOnly={pending}
          data-testid="auth-password"
        />
      </Field>
      {signUp && (
        <Field label="Confirm password" error={errors.confirmPassword} required>
          <Input
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            readOnly={pending}
            data-testid="auth-confirm-password"
          />
        </Field>
      )}

      <Button type="submit" loading={pending} block data-testid="auth-submit">
        {label}
      </Button>
      {footer && <div className="text-center text-sm text-muted-fg">{footer}</div>}
    </form>
  );
}
