import { getErrorStatus, getRetryAfterMs, isNetworkError } from './error-status.ts';

export interface RetryPolicyOptions {
  /** Retries after the first failure. Default 3. */
  maxRetries?: number;
  /** First backoff step; doubles each retry. Default 1000 ms. */
  baseDelayMs?: number;
  /** Ceiling for one wait. A Retry-After longer than this means "give up now". Default 30 000 ms. */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1). Default Math.random. */
  random?: () => number;
}

export interface RetryPolicy {
  /** React Query's `retry`: whether failure number `failureCount + 1` should be retried. */
  retry: (failureCount: number, error: unknown) => boolean;
  /** React Query's `retryDelay`: wait before the next attempt. */
  retryDelay: (failureCount: number, error: unknown) => number;
}

/**
 * Only failures that another attempt can fix are retried: no answer at all, 408 (timeout),
 * 429 (rate limited) and 5xx. Every other 4xx is the request's fault and fails at once.
 */
export function isRetryableError(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  const status = getErrorStatus(error);
  if (status === undefined) return false; // a bug or a validation error: repeating will not help
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Exponential backoff with jitter, capped; the server's Retry-After wins when present. */
export function createRetryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  const maxRetries = options.maxRetries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;

  return {
    retry(failureCount, error) {
      if (failureCount >= maxRetries || !isRetryableError(error)) return false;
      const retryAfter = getRetryAfterMs(error);
      return retryAfter === undefined || retryAfter <= maxDelayMs;
    },
    retryDelay(failureCount, error) {
      const retryAfter = getRetryAfterMs(error);
      if (retryAfter !== undefined) return Math.min(retryAfter, maxDelayMs);
      const exponential = Math.min(baseDelayMs * 2 ** failureCount, maxDelayMs);
      // "Equal jitter": half fixed, half random, so clients that failed together do not retry together.
      return Math.round(exponential / 2 + (exponential / 2) * random());
    },
  };
}
