import { clsx } from 'clsx';

export interface SpinnerProps {
  /** What is loading, announced to screen readers. */
  label?: string;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

const sizes = { sm: 'size-4 border-2', md: 'size-6 border-2', lg: 'size-10 border-[3px]' } as const;

/** A polite live status with a spinning ring; the label is read, the ring is hidden from assistive tech. */
export function Spinner({ label = 'Loading', size = 'md', className }: SpinnerProps) {
  return (
    <span role="status" className={clsx('inline-flex items-center gap-2', className)}>
      <span
        aria-hidden="true"
        className={clsx(
          'inline-block animate-spin rounded-full border-current border-r-transparent',
          sizes[size],
        )}
      />
      <span className="sr-only">{label}</span>
    </span>
  );
}
