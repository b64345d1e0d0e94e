// A stand-in for Sentry's ingest endpoint, so the apps' real Sentry SDK can be watched sending events.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentryIngest {
  /** DSN pointing the SDK at this server (project 1; Sentry accepts only word characters in the key). */
  dsn: string;
  /** GET here lists every envelope received so far (one string each, newline-delimited JSON). */
  receivedUrl: string;
  close(): Promise<void>;
}

/** Starts the fake ingest on a free port of 127.0.0.1. */
export async function startSentryIngest(): Promise<SentryIngest> {
  const envelopes: string[] = [];
  const server = createServer((req, res) => {
    // The SDK posts cross-origin from the app's page.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'POST' && req.url?.startsWith('/api/1/envelope/')) {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        envelopes.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
      return;
    }
    if (req.method === 'GET' && req.url === '/received') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(envelopes));
      return;
    }
    res.writeHead(req.method === 'OPTIONS' ? 204 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://e2epublickey@127.0.0.1:${port}/1`,
    receivedUrl: `http://127.0.0.1:${port}/received`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The event items (type "event") in a list of envelopes. */
export function eventsIn(envelopes: string[]): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (const envelope of envelopes) {
    const lines = envelope.split('\n').filter(Boolean);
    for (let i = 1; i + 1 < lines.length; i += 2) {
      const header = JSON.parse(lines[i] ?? '{}') as { type?: string };
      if (header.type === 'event')
        events.push(JSON.parse(lines[i + 1] ?? '{}') as Record<string, unknown>);
    }
  }
  return events;
}
