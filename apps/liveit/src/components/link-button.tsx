import { Link, type LinkProps } from 'react-router-dom';

/** A router link that looks like a button. */
export function LinkButton({
  variant = 'secondary',
  className = '',
  ...props
}: LinkProps & { variant?: 'primary' | 'secondary' }) {
  const look =
    variant === 'primary'
      ? 'bg-primary text-primary-fg hover:opacity-90'
      : 'border border-control-border bg-bg text-fg hover:bg-muted';
  return (
    <Link
      {...props}
      className={`inline-flex h-10 items-center justify-center rounded-control px-4 text-sm font-medium ${look} ${className}`}
    />
  );
}
