// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pinSupabaseCsp, pinnedSupabaseCsp } from './pinned-csp.ts';

describe('pinnedSupabaseCsp', () => {
  it('allows the configured project only, over https and wss', () => {
    const csp = pinnedSupabaseCsp('https://abcdefgh.supabase.co');
    expect(csp).toContain(
      "connect-src 'self' https://abcdefgh.supabase.co wss://abcdefgh.supabase.co https://*.ingest.sentry.io",
    );
    expect(csp).toContain("img-src 'self' data: blob: https://abcdefgh.supabase.co");
    expect(csp).not.toContain('*.supabase.co');
  });

  it('pins a local stack build to its own origin (ws, not wss)', () => {
    expect(pinnedSupabaseCsp('http://127.0.0.1:54321')).toContain(
      'http://127.0.0.1:54321 ws://127.0.0.1:54321',
    );
  });

  it("allows the configured Sentry DSN's origin (self-hosted or local ingest)", () => {
    expect(
      pinnedSupabaseCsp('https://abcdefgh.supabase.co', 'http://key@127.0.0.1:9000/1'),
    ).toContain('https://*.ingest.us.sentry.io http://127.0.0.1:9000;');
  });

  it('puts the policy first in the head of built pages', () => {
    const plugin = pinSupabaseCsp('https://abcdefgh.supabase.co');
    expect(plugin.apply).toBe('build');
    const transform = plugin.transformIndexHtml;
    expect(typeof transform).toBe('function');
    const tags =
      typeof transform === 'function'
        ? transform.call(undefined as never, '', undefined as never)
        : [];
    expect(tags).toEqual([
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: pinnedSupabaseCsp('https://abcdefgh.supabase.co'),
        },
        injectTo: 'head-prepend',
      },
    ]);
  });
});
