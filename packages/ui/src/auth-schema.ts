// zod/mini: the same validation core as the apps' env parsing, so the form adds little JS.
import * as z from 'zod/mini';

export type AuthMode = 'sign-in' | 'sign-up';

/** What AuthForm hands to onSubmit once the input is valid. */
export interface AuthValues {
  email: string;
  password: string;
}

/** Supabase's default minimum; sign-up asks for at least this many characters. */
export const MIN_PASSWORD_LENGTH = 8;

/** bcrypt, which Supabase Auth uses, ignores bytes past 72. */
const MAX_PASSWORD_LENGTH = 72;

// Trim, then require, then check the format (the pipe stops at the first failing step).
const email = z.pipe(
  z.string().check(z.trim(), z.minLength(1, 'Enter your email address.')),
  z.email('Enter a valid email address, like name@example.com.'),
);

const signIn = z.object({
  email,
  password: z.string().check(z.minLength(1, 'Enter your password.')),
});

function signUp(minPasswordLength: number) {
  return z
    .object({
      email,
      password: z
        .string()
        .check(
          z.minLength(1, 'Choose a password.'),
          z.minLength(minPasswordLength, `Use at least ${minPasswordLength} characters.`),
          z.maxLength(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
        ),
      confirmPassword: z.string().check(z.minLength(1, 'Repeat your password.')),
    })
    .check(
      z.refine((values) => values.password === values.confirmPassword, {
        message: 'The passwords do not match.',
        path: ['confirmPassword'],
      }),
    );
}

export type AuthFieldName = 'email' | 'password' | 'confirmPassword';
export type AuthFieldErrors = Partial<Record<AuthFieldName, string>>;

export type AuthValidation =
  { ok: true; values: AuthValues } | { ok: false; errors: AuthFieldErrors };

/** Validates the raw form input for a mode; first message per field. */
export function validateAuthInput(
  mode: AuthMode,
  input: Record<AuthFieldName, string>,
  minPasswordLength = MIN_PASSWORD_LENGTH,
): AuthValidation {
  const result =
    mode === 'sign-in' ? signIn.safeParse(input) : signUp(minPasswordLength).safeParse(input);
  if (result.success)
    return { ok: true, values: { email: result.data.email, password: result.data.password } };
  const errors: AuthFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as AuthFieldName | undefined;
    if (field && errors[field] === undefined) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
