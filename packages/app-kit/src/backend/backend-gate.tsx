import { useQuery } from '@tanstack/react-query';
import { createQueryKeys } from '@alawein/supabase-client';
import type { ReactNode } from 'react';
import { ErrorFallback } from '@alawein/ui';
import { useApp } from '../config/app-context.tsx';
import { probeBackend } from './probe-backend.ts';

/**
 * Renders its children while the backend answers; when nothing answers at the configured Supabase
 * URL it shows "Backend not reachable at <url>" with a retry, instead of pages failing one by one.
 * The check runs alongside the first render, so it never delays the first paint.
 */
const backendKeys = createQueryKeys('backend-reachable');

export function BackendGate({ children }: { children: ReactNode }) {
  const { supabaseUrl, supabaseAnonKey } = useApp().env;
  const probe = useQuery({
    queryKey: backendKeys.detail(supabaseUrl),
    queryFn: () => probeBackend(supabaseUrl, supabaseAnonKey).then(() => true),
    retry: false,
    staleTime: 30_000,
  });
  if (!probe.isError) return children;
  return (
    <div data-testid="backend-unreachable">
      <ErrorFallback
        title="The app cannot reach its backend"
        error={probe.error}
        onRetry={() => void probe.refetch()}
        retryLabel="Check again"
      >
        <p className="text-sm text-muted-fg">
          Sign-in and your data need it. Locally, start the stack with <code>pnpm dev</code> from
          the repository root.
        </p>
      </ErrorFallback>
    </div>
  );
}
