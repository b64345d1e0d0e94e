import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorFallback, Spinner } from '@alawein/ui';

/** Spinner while loading, a retryable error, else the content for the data. */
export function QueryState<T>({
  query,
  label,
  children,
}: {
  query: UseQueryResult<T, Error>;
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Spinner label={`Loading ${label}`} />;
  if (query.isError)
    return (
      <ErrorFallback
        error={query.error}
        title={`Could not load ${label}`}
        onRetry={() => void query.refetch()}
      />
    );
  return <>{children(query.data)}</>;
}
