import { clsx } from 'clsx';
import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './Button.tsx';
import { errorMessage } from './error-message.ts';

export interface ErrorFallbackProps {
  /** What was thrown; its message is shown. */
  error?: unknown;
  /** Re-render the failed part (an error boundary's reset). */
  onRetry: () => void;
  title?: ReactNode;
  retryLabel?: string;
  /** Extra content under the message, e.g. a link home. */
  children?: ReactNode;
  className?: string;
}

/**
 * What an error boundary shows: a heading, the error's message and a retry button.
 * The heading takes focus so keyboard and screen-reader users land on the explanation.
 */
export function ErrorFallback({
  error,
  onRetry,
  title = 'Something went wrong',
  retryLabel = 'Try again',
  children,
  className,
}: ErrorFallbackProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div
      role="alert"
      data-testid="error-fallback"
      className={clsx(
        'mx-auto flex max-w-lg flex-col items-start gap-3 rounded-control border border-border bg-surface p-6',
        className,
      )}
    >
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-fg">
        {title}
      </h2>
      <p className="text-sm text-muted-fg">{errorMessage(error)}</p>
      {children}
      <Button onClick={onRetry} data-testid="error-retry">
        {retryLabel}
      </Button>
    </div>
  );
}
