// The local inbox on `[local_smtp] port`: a page listing caught messages and an HTTP API shaped
// like Mailpit's (`/api/v1/messages`, `/api/v1/message/<id>`), which `supabase start` serves on
// that port — so tests and tools read mails the same way from either stack.
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import type { AccessSettings } from '../context.ts';
import { createRequestGuard, guardRequests } from '../gateway/request-guard.ts';
import type { Mailbox, Message } from './mailbox.ts';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

function summary(message: Message) {
  return {
    ID: message.ID,
    From: message.From,
    To: message.To,
    Subject: message.Subject,
    Created: message.Created,
    Snippet: message.Text.replace(/\s+/g, ' ').slice(0, 200),
  };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}</style>
</head><body>${body}</body></html>`;
}

function listPage(messages: Message[]): string {
  const rows = messages
    .map(
      (message) =>
        `<tr><td>${escapeHtml(message.Created)}</td><td>${escapeHtml(message.To.map((to) => to.Address).join(', '))}</td>` +
        `<td><a href="/view/${encodeURIComponent(message.ID)}">${escapeHtml(message.Subject)}</a></td></tr>`,
    )
    .join('');
  return page(
    'Local inbox',
    `<h1>Local inbox</h1><p>Mail the local stack's auth sends (confirmations, recovery, magic links, email changes). ` +
      `JSON: <a href="/api/v1/messages">/api/v1/messages</a>.</p>` +
      (messages.length === 0
        ? '<p>No messages yet.</p>'
        : `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`),
  );
}

function messagePage(message: Message): string {
  // Links are shown as links; the HTML part is not rendered, so nothing in a mail runs here.
  const text = escapeHtml(message.Text).replace(
    /https?:\/\/[^\s<]+/g,
    (url) => `<a href="${url}">${url}</a>`,
  );
  return page(
    message.Subject,
    `<p><a href="/">← all messages</a></p><h1>${escapeHtml(message.Subject)}</h1>` +
      `<p>To ${escapeHtml(message.To.map((to) => to.Address).join(', '))} · ${escapeHtml(message.Created)}</p><pre>${text}</pre>`,
  );
}

/** The inbox's routes. */
export function createInboxApp(mailbox: Mailbox, access: AccessSettings | undefined): Hono {
  const app = new Hono();
  app.use('*', guardRequests(createRequestGuard(access)));
  app.get('/', (c) => c.html(listPage(mailbox.list())));
  app.get('/view/:id', (c) => {
    const message = mailbox.get(c.req.param('id'));
    return message
      ? c.html(messagePage(message))
      : c.html(page('Not found', '<p>No such message.</p>'), 404);
  });
  app.get('/api/v1/messages', (c) => {
    const messages = mailbox.list(c.req.query('to'));
    return c.json({
      total: messages.length,
      count: messages.length,
      messages: messages.map(summary),
    });
  });
  app.get('/api/v1/message/:id', (c) => {
    const message = mailbox.get(c.req.param('id'));
    if (!message) return c.json({ code: 'not_found', message: 'no such message' }, 404);
    return c.json({
      ...summary(message),
      Date: message.Created,
      Text: message.Text,
      HTML: message.HTML,
    });
  });
  app.delete('/api/v1/messages', (c) => {
    mailbox.clear();
    return c.text('ok');
  });
  app.notFound((c) =>
    c.json({ code: 'not_found', message: `no route matches ${c.req.path}` }, 404),
  );
  return app;
}

export interface RunningInbox {
  url: string;
  close(): Promise<void>;
}

/** Serves the inbox on 127.0.0.1:`port`. */
export async function startInbox(
  mailbox: Mailbox,
  port: number,
  access: AccessSettings | undefined,
): Promise<RunningInbox> {
  const app = createInboxApp(mailbox, access);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is already in use (local inbox, [local_smtp] port)`)
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
