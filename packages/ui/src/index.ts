// Public surface of @alawein/ui. Each component lives in its own module and the package is
// side-effect free (except CSS), so an app's first page only bundles what it renders.
export { AppShell, type AppShellProps, type ShellLinkProps, type ShellNavItem, type ShellUser } from './AppShell.tsx';
export { AuthForm, type AuthFormProps } from './AuthForm.tsx';
export {
  MIN_PASSWORD_LENGTH,
  validateAuthInput,
  type AuthFieldErrors,
  type AuthFieldName,
  type AuthMode,
  type AuthValidation,
  type AuthValues,
} from './auth-schema.ts';
export { Button, type ButtonProps, type ButtonSize, type ButtonVariant } from './Button.tsx';
export { EmptyState, type EmptyStateProps } from './EmptyState.tsx';
export { ErrorFallback, type ErrorFallbackProps } from './ErrorFallback.tsx';
export { errorMessage } from './error-message.ts';
export { Field, type FieldProps } from './Field.tsx';
export { useFieldControl, type FieldControlProps } from './field-context.ts';
export { Image, type ImageProps } from './Image.tsx';
export { Input, Textarea, type InputProps, type TextareaProps } from './Input.tsx';
export { ProgressBar, type ProgressBarProps } from './ProgressBar.tsx';
export { Spinner, type SpinnerProps } from './Spinner.tsx';
