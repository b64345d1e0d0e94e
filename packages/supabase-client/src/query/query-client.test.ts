import { QueryCache } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createQueryClient, DEFAULT_GC_TIME_MS, DEFAULT_STALE_TIME_MS } from './query-client.ts';

describe('createQueryClient', () => {
  it('keeps data fresh 5 minutes and cached 30 minutes', () => {
    const queries = createQueryClient().getDefaultOptions().queries!;
    expect(DEFAULT_STALE_TIME_MS).toBe(300_000);
    expect(DEFAULT_GC_TIME_MS).toBe(1_800_000);
    expect(queries.staleTime).toBe(300_000);
    expect(queries.gcTime).toBe(1_800_000);
  });

  it('retries queries by policy and never retries mutations', () => {
    const { queries, mutations } = createQueryClient().getDefaultOptions();
    const retry = queries!.retry as (count: number, error: unknown) => boolean;
    expect(retry(0, { status: 503 })).toBe(true);
    expect(retry(0, { status: 404 })).toBe(false);
    expect(retry(3, { status: 503 })).toBe(false);
    expect(mutations!.retry).toBe(false);
  });

  it('applies a query to the defaults', () => {
    const client = createQueryClient();
    const options = client.defaultQueryOptions({ queryKey: ['x'] });
    expect(options.staleTime).toBe(DEFAULT_STALE_TIME_MS);
    expect(options.gcTime).toBe(DEFAULT_GC_TIME_MS);
  });

  it('accepts overrides and extra config', () => {
    const queryCache = new QueryCache();
    const client = createQueryClient({
      retry: { maxRetries: 1 },
      config: { queryCache, defaultOptions: { queries: { staleTime: 0 } } },
    });
    const queries = client.getDefaultOptions().queries!;
    expect(client.getQueryCache()).toBe(queryCache);
    expect(queries.staleTime).toBe(0);
    expect(queries.gcTime).toBe(DEFAULT_GC_TIME_MS);
    const retry = queries.retry as (count: number, error: unknown) => boolean;
    expect(retry(0, { status: 503 })).toBe(true);
    expect(retry(1, { status: 503 })).toBe(false);
  });
});
