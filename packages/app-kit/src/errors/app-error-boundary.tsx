import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { ErrorFallback } from '@alawein/ui';
import { captureError } from '../observability/sentry.ts';
import { isChunkLoadError } from './is-chunk-load-error.ts';

function Fallback({ error, resetErrorBoundary }: FallbackProps) {
  const chunk = isChunkLoadError(error);
  return (
    <ErrorFallback
      error={
        chunk
          ? new Error('This page could not be loaded. Check your connection and reload.')
          : error
      }
      retryLabel={chunk ? 'Reload' : 'Try again'}
      onRetry={chunk ? () => window.location.reload() : resetErrorBoundary}
    />
  );
}

export interface AppErrorBoundaryProps {
  /** Changing this (e.g. the path) clears the error, so navigating away recovers. */
  resetKey?: string;
  children: ReactNode;
}

/** Catches render errors of the page below it, reports them to Sentry and shows ErrorFallback with a retry. */
export function AppErrorBoundary({ resetKey, children }: AppErrorBoundaryProps) {
  return (
    <ErrorBoundary
      FallbackComponent={Fallback}
      resetKeys={[resetKey]}
      onError={(error, info) => captureError(error, { componentStack: info.componentStack })}
    >
      {children}
    </ErrorBoundary>
  );
}
