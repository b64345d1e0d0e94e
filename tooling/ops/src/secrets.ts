// Finds secrets in text: service-role JWTs, provider tokens, private keys, database URLs with real
// passwords. Used by the test that scans the repository and the built apps.
import { DEMO_SERVICE_ROLE_KEY } from '@alawein/local-supabase/constants';

export interface Finding {
  file: string;
  line: number;
  kind: string;
  /** The first characters only, so a report never repeats the secret. */
  excerpt: string;
}

export interface ScanOptions {
  /** Whether the local stack's well-known demo service-role key is acceptable in this file. */
  allowDemoServiceKey: boolean;
}

const PATTERNS: { kind: string; pattern: RegExp }[] = [
  { kind: 'Supabase secret key', pattern: /\bsb_secret_[A-Za-z0-9_-]{16,}/ },
  { kind: 'Supabase access token', pattern: /\bsbp_[a-f0-9]{40}\b/ },
  { kind: 'Sentry auth token', pattern: /\bsntry[su]_[A-Za-z0-9_=-]{20,}/ },
  { kind: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { kind: 'AWS access key', pattern: /\bAKIA[0-9A-Z]{16}\b/ },
  { kind: 'Stripe secret key', pattern: /\bsk_live_[A-Za-z0-9]{16,}/ },
  { kind: 'private key', pattern: /-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----/ },
  // The local stack's own postgres/postgres credentials are public knowledge, and hosts under the
  // reserved example domains are documentation; anything else is a leaked password.
  {
    kind: 'database URL with a password',
    pattern:
      /postgres(?:ql)?:\/\/[^:\s/@'"`]+:(?!postgres@)[^@\s'"`]{6,}@(?!127\.0\.0\.1|localhost|[^\s/'"`]*\bexample\b)/,
  },
];

const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g;

function jwtRole(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as {
      role?: unknown;
    };
    return typeof payload.role === 'string' ? payload.role : undefined;
  } catch {
    return undefined;
  }
}

/** Every secret-looking thing in `text`. */
export function scanText(file: string, text: string, options: ScanOptions): Finding[] {
  const findings: Finding[] = [];
  const lines = text.split('\n');
  lines.forEach((content, index) => {
    for (const { kind, pattern } of PATTERNS) {
      const match = pattern.exec(content);
      if (match)
        findings.push({ file, line: index + 1, kind, excerpt: `${match[0].slice(0, 12)}…` });
    }
    for (const match of content.matchAll(JWT)) {
      if (jwtRole(match[0]) !== 'service_role') continue;
      if (options.allowDemoServiceKey && match[0] === DEMO_SERVICE_ROLE_KEY) continue;
      findings.push({
        file,
        line: index + 1,
        kind: 'service_role JWT',
        excerpt: `${match[0].slice(0, 12)}…`,
      });
    }
  });
  return findings;
}
