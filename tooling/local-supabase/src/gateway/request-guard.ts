// Who may talk to the gateway from a browser. The stack holds service_role keys and developers'
// restored backups, so a web page on another site must not be able to drive it: Host names outside
// the allow-list are refused (DNS rebinding), and state-changing requests or WebSocket upgrades
// whose Origin is neither a loopback page nor one of the project's configured sites are refused.
import type { MiddlewareHandler } from 'hono';
import type { AccessSettings } from '../context.ts';
import { requestHeader } from './request-headers.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestGuard {
  /** True when the Host header names this machine or a configured host. */
  hostAllowed(host: string | undefined): boolean;
  /** True when a browser page at `origin` may call the stack (CORS and state changes). */
  originAllowed(origin: string): boolean;
  /** Why a request with these headers is refused, or null when it may proceed. */
  refusal(method: string, host: string | undefined, origin: string | undefined): Refusal | null;
}

export interface Refusal {
  code: 'host_not_allowed' | 'origin_not_allowed';
  message: string;
}

/** Host names are compared without port, lower-cased. */
function hostname(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.indexOf(':');
  return colon < 0 ? lower : lower.slice(0, colon);
}

/** Builds the guard from the configured hosts and origins (site_url, additional_redirect_urls). */
export function createRequestGuard(access: AccessSettings | undefined): RequestGuard {
  const hosts = new Set([...LOOPBACK_HOSTS, ...(access?.hosts ?? []).map(hostname)]);
  const origins = new Set(access?.origins ?? []);
  const guard: RequestGuard = {
    hostAllowed: (host) => host !== undefined && host !== '' && hosts.has(hostname(host)),
    originAllowed: (origin) => LOOPBACK_ORIGIN.test(origin) || origins.has(origin),
    refusal(method, host, origin) {
      if (!guard.hostAllowed(host)) {
        return {
          code: 'host_not_allowed',
          message: `Host "${host ?? ''}" is not served here (allowed: ${[...hosts].join(', ')}; add names with LOCAL_SUPABASE_ALLOWED_HOSTS)`,
        };
      }
      if (origin !== undefined && !SAFE_METHODS.has(method) && !guard.originAllowed(origin)) {
        return {
          code: 'origin_not_allowed',
          message: `Origin "${origin}" may not call this stack: it is not a loopback page, auth.site_url or one of auth.additional_redirect_urls`,
        };
      }
      return null;
    },
  };
  return guard;
}

/** Middleware: 403 JSON for a refused Host or Origin before any service sees the request. */
export function guardRequests(guard: RequestGuard): MiddlewareHandler {
  return async (c, next) => {
    // Node's server always has a Host header; in-process `app.request()` calls only have the URL.
    const host = requestHeader(c, 'host') ?? new URL(c.req.url).host;
    const refusal = guard.refusal(c.req.method, host, requestHeader(c, 'origin'));
    if (refusal) return c.json(refusal, 403);
    await next();
  };
}
