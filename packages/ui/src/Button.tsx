import { clsx } from 'clsx';
import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * Shows a spinner, sets aria-busy and aria-disabled and ignores clicks (including form submission)
   * while staying focusable, so keyboard users do not lose their place while the work runs.
   */
  loading?: boolean;
  /** Stretch to the container's width. */
  block?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

const base =
  'inline-flex items-center justify-center gap-2 rounded-control font-medium transition-colors ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring ' +
  'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-wait aria-disabled:opacity-80';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-primary text-primary-fg hover:enabled:bg-primary-hover',
  secondary: 'border border-control-border bg-bg text-fg hover:enabled:bg-muted',
  ghost: 'bg-transparent text-fg hover:enabled:bg-muted',
  danger: 'bg-danger text-danger-fg hover:enabled:bg-danger-hover',
};

const sizes: Record<ButtonSize, string> = {
  sm: 'h-8 px-3 text-sm',
  md: 'h-10 px-4 text-sm',
  lg: 'h-12 px-6 text-base',
};

/** The one button of the platform. `type` defaults to "button" so it never submits a form by accident. */
export function Button({
  variant = 'primary',
  size = 'md',
  loading = false,
  block = false,
  type = 'button',
  className,
  children,
  onClick,
  ...rest
}: ButtonProps) {
  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (loading) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }

  return (
    <button
      {...rest}
      type={type}
      onClick={handleClick}
      aria-disabled={loading || rest['aria-disabled']}
      aria-busy={loading || undefined}
      className={clsx(base, variants[variant], sizes[size], block && 'w-full', className)}
    >
      {loading && (
        <span
          aria-hidden="true"
          data-testid="button-spinner"
          className="inline-block size-4 animate-spin rounded-full border-2 border-current border-r-transparent"
        />
      )}
      {children}
    </button>
  );
}
