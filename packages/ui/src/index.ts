// Public surface of @alawein/ui. Each component lives in its own module and the package is
// side-effect free (except CSS), so an app's first page only bundles what it renders.
export {
  AppShell,
  type AppShellProps,
  type ShellLinkProps,
  type ShellNavItem,
  type ShellUser,
} from './AppShell.tsx';
export {
  MIN_PASSWORD_LENGTH,
  validateAuthInput,
  type AuthFieldErrors,
  type AuthFieldName,
  type AuthMode,
  type AuthValidation,
  type AuthValues,
} from './auth-schema.ts';
export { AuthForm, type AuthFormProps } from './AuthForm.tsx';
export { Button, type ButtonProps, type ButtonSize, type ButtonVariant } from './Button.tsx';
export { Pager, type PagerProps } from './Pager.tsx';
export {
  DangerActions,
  Dialog,
  DialogClose,
  type DangerActionsProps,
  type DialogProps,
} from './Dialog.tsx';
export { EmptyState, type EmptyStateProps } from './EmptyState.tsx';
export { errorMessage } from './error-message.ts';
export { ErrorFallback, type ErrorFallbackProps } from './ErrorFallback.tsx';
export { useFieldControl, type FieldControlProps } from './field-context.ts';
export { Field, type FieldProps } from './Field.tsx';
export { Image, type ImageProps } from './Image.tsx';
export { Input, Textarea, type InputProps, type TextareaProps } from './Input.tsx';
export { ProgressBar, type ProgressBarProps } from './ProgressBar.tsx';
export { Select, type SelectOption, type SelectProps } from './Select.tsx';
export { Spinner, type SpinnerProps } from './Spinner.tsx';
export { Table, type TableColumn, type TableProps } from './Table.tsx';
export { Tabs, type TabItem, type TabsProps } from './Tabs.tsx';
export {
  ToastProvider,
  useToast,
  type ToastApi,
  type ToastOptions,
  type ToastProviderProps,
  type ToastVariant,
} from './Toast.tsx';
