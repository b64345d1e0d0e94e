// REST broadcast, as Supabase's Realtime serves it: realtime-js's `send()` falls back to
// POST /api/broadcast before a channel is joined, and `httpSend()` posts one event to
// /api/broadcast/<topic>/events/<event>. Both answer 202 and relay to the topic's members.
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRequestAuth } from '../gateway/request-auth.ts';
import type { StackConfig } from '../context.ts';
import type { Hub } from './hub.ts';

const PRIVATE_UNSUPPORTED =
  'private channels (RLS on realtime.messages) are not supported by the local stack';

const batchSchema = z.object({
  messages: z
    .array(
      z.object({
        topic: z.string().min(1),
        event: z.string().min(1),
        payload: z.unknown().optional(),
        private: z.boolean().optional(),
      }),
    )
    .min(1),
});

export function broadcastRoutes(config: Pick<StackConfig, 'jwtSecret'>, hub: Hub): Hono {
  const app = new Hono();
  app.use(
    '/api/*',
    requireRequestAuth(config, {
      onError: (c, failure) => c.json({ error: failure.message }, 401),
    }),
  );

  app.post('/api/broadcast', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const parsed = batchSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json(
        { error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` },
        400,
      );
    }
    if (parsed.data.messages.some((message) => message.private))
      return c.json({ error: PRIVATE_UNSUPPORTED }, 400);
    for (const message of parsed.data.messages) {
      hub.broadcast(`realtime:${message.topic}`, message.event, {
        encoding: 'json',
        value: message.payload ?? {},
      });
    }
    return c.body(null, 202);
  });

  app.post('/api/broadcast/:topic/events/:event', async (c) => {
    if (c.req.query('private') === 'true') return c.json({ error: PRIVATE_UNSUPPORTED }, 400);
    const topic = `realtime:${c.req.param('topic')}`;
    const event = c.req.param('event');
    if ((c.req.header('content-type') ?? '').startsWith('application/octet-stream')) {
      const bytes = Buffer.from(await c.req.arrayBuffer());
      hub.broadcast(topic, event, { encoding: 'binary', bytes });
      return c.body(null, 202);
    }
    const text = await c.req.text();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return c.json({ error: 'body: must be JSON (or application/octet-stream)' }, 400);
    }
    hub.broadcast(topic, event, { encoding: 'json', value });
    return c.body(null, 202);
  });

  return app;
}
