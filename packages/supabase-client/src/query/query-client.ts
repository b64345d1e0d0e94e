import { QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import { createRetryPolicy, type RetryPolicyOptions } from './retry-policy.ts';

export const DEFAULT_STALE_TIME_MS = 5 * 60 * 1000;
export const DEFAULT_GC_TIME_MS = 30 * 60 * 1000;

export interface CreateQueryClientOptions {
  retry?: RetryPolicyOptions;
  /** Merged over the defaults (e.g. a QueryCache with an onError that logs). */
  config?: QueryClientConfig;
}

/**
 * The one QueryClient factory for all apps: data stays fresh for 5 minutes and cached for 30;
 * queries retry only network errors, 408, 429 and 5xx (at most 3 times, exponential backoff,
 * Retry-After respected); mutations never retry, as they are not idempotent.
 */
export function createQueryClient(options: CreateQueryClientOptions = {}): QueryClient {
  const { retry, retryDelay } = createRetryPolicy(options.retry);
  const config = options.config ?? {};
  return new QueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: {
        staleTime: DEFAULT_STALE_TIME_MS,
        gcTime: DEFAULT_GC_TIME_MS,
        retry,
        retryDelay,
        ...config.defaultOptions?.queries,
      },
      mutations: { retry: false, ...config.defaultOptions?.mutations },
    },
  });
}
