// The contract suites: the files that speak only the Supabase HTTP surface through supabase-js, so
// they run unchanged against `supabase start` or a hosted project (SUPABASE_TEST_URL…). The other
// files test this stack's own internals (CLI, config, parser, restarts) and have no hosted peer.
// CI's `local-stack-parity` workflow runs this against the real CLI; see test/HOSTED-DIFFERENCES.md.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export const CONTRACT_SUITES = [
  'test/auth.test.ts',
  'test/rest-read.test.ts',
  'test/rest-write.test.ts',
  'test/storage.test.ts',
  'test/storage-seed.test.ts',
  'test/functions.test.ts',
  'test/realtime.test.ts',
];

export default mergeConfig(base, defineConfig({ test: { include: CONTRACT_SUITES } }));
