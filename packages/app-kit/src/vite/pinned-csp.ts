// Pins the deployed CSP to the project the build was configured for. vercel.json's header has to
// allow `*.supabase.co` (four apps, one static file each, any project); a build knows its own
// VITE_SUPABASE_URL, so it adds a meta CSP naming only that origin. Browsers enforce both
// policies, so the page may connect to its own project and to no other.
import type { HtmlTagDescriptor, Plugin } from 'vite';

const SENTRY_INGEST = ['https://*.ingest.sentry.io', 'https://*.ingest.us.sentry.io'];

/**
 * The Content-Security-Policy a build for `supabaseUrl` adds to its index.html; a configured
 * Sentry DSN's origin is allowed too (self-hosted or local ingest, as the e2e run uses).
 */
export function pinnedSupabaseCsp(supabaseUrl: string, sentryDsn?: string): string {
  const url = new URL(supabaseUrl);
  const socket = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  const sentry = [...SENTRY_INGEST];
  if (sentryDsn) {
    const origin = new URL(sentryDsn).origin;
    if (!sentry.includes(origin)) sentry.push(origin);
  }
  return [
    `connect-src 'self' ${url.origin} ${socket} ${sentry.join(' ')}`,
    `img-src 'self' data: blob: ${url.origin}`,
  ].join('; ');
}

/** Vite plugin (builds only): index.html gets the pinned policy as its first head element. */
export function pinSupabaseCsp(supabaseUrl: string, sentryDsn?: string): Plugin {
  const tag: HtmlTagDescriptor = {
    tag: 'meta',
    attrs: {
      'http-equiv': 'Content-Security-Policy',
      content: pinnedSupabaseCsp(supabaseUrl, sentryDsn),
    },
    injectTo: 'head-prepend',
  };
  return {
    name: 'alawein:pin-supabase-csp',
    apply: 'build',
    transformIndexHtml: () => [tag],
  };
}
