// A FAKE of Stripe's HTTP API, for the functions' tests only (never loaded by a function):
// Stripe itself cannot be reached from here, so the tests point the app's own `stripe` client
// at this local stand-in. It answers the two calls liveit-api makes, `POST /v1/checkout/sessions`
// and `GET /v1/checkout/sessions/:id`, with bodies shaped like Stripe's API reference
// (https://docs.stripe.com/api/checkout/sessions/object), and its errors like Stripe's
// (`{error:{type, code?, message}}`). Tests move a session to `expired` or `complete` and make
// the API fail, to drive every branch of the Stripe path.
import type { StripeApiAddress } from './stripe.ts';

/** A Checkout Session as the fake keeps it: Stripe's field names and values. */
export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  mode: string;
  ui_mode: 'hosted';
  url: string | null;
  currency: string;
  amount_subtotal: number;
  amount_total: number;
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string;
  created: number;
  expires_at: number;
  livemode: false;
  payment_intent: string | null;
  /** Form fields the session was created with, as Stripe received them. */
  params: URLSearchParams;
}

export interface FakeStripeApi {
  /** Where the app's Stripe client should send its requests (see `createStripe`). */
  address: StripeApiAddress;
  sessions: Map<string, FakeCheckoutSession>;
  /** Every request's method and path, in order. */
  requests: { method: string; path: string; authorization: string | null }[];
  /** While true, every request gets Stripe's 500 `api_error`. */
  failing: boolean;
  /** What Stripe does when the session's time runs out, or the shopper pays. */
  settle(id: string, status: 'expired' | 'complete'): void;
  close(): Promise<void>;
}

function stripeError(status: number, type: string, message: string, code?: string): Response {
  return Response.json({ error: { type, message, ...(code ? { code } : {}) } }, { status });
}

/** Σ quantity × unit_amount over `line_items[i]`, and the first shipping option's amount. */
function amounts(params: URLSearchParams): { subtotal: number; shipping: number } {
  let subtotal = 0;
  for (let i = 0; params.has(`line_items[${i}][quantity]`); i += 1) {
    subtotal +=
      Number(params.get(`line_items[${i}][quantity]`)) *
      Number(params.get(`line_items[${i}][price_data][unit_amount]`));
  }
  const shipping = Number(
    params.get('shipping_options[0][shipping_rate_data][fixed_amount][amount]') ?? 0,
  );
  return { subtotal, shipping };
}

function metadataOf(params: URLSearchParams): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of params) {
    const name = /^metadata\[(.+)\]$/.exec(key)?.[1];
    if (name) metadata[name] = value;
  }
  return metadata;
}

function createSession(params: URLSearchParams): FakeCheckoutSession {
  const id = `cs_test_${crypto.randomUUID().replaceAll('-', '')}`;
  const { subtotal, shipping } = amounts(params);
  const now = Math.floor(Date.now() / 1000);
  return {
    id,
    object: 'checkout.session',
    status: 'open',
    payment_status: 'unpaid',
    mode: params.get('mode') ?? 'payment',
    ui_mode: 'hosted',
    url: `https://checkout.stripe.com/c/pay/${id}`,
    currency: params.get('line_items[0][price_data][currency]') ?? 'usd',
    amount_subtotal: subtotal,
    amount_total: subtotal + shipping,
    total_details: { amount_discount: 0, amount_shipping: shipping, amount_tax: 0 },
    client_reference_id: params.get('client_reference_id'),
    customer_email: params.get('customer_email'),
    metadata: metadataOf(params),
    success_url: params.get('success_url') ?? '',
    cancel_url: params.get('cancel_url') ?? '',
    created: now,
    expires_at: Number(params.get('expires_at') ?? now + 24 * 3600),
    livemode: false,
    payment_intent: null,
    params,
  };
}

/** The session's JSON as Stripe sends it (without the fake's bookkeeping). */
function sessionJson({ params: _params, ...session }: FakeCheckoutSession): Response {
  return Response.json(session);
}

/** Starts the fake on a free loopback port. */
export function startFakeStripeApi(): FakeStripeApi {
  const sessions = new Map<string, FakeCheckoutSession>();
  const requests: FakeStripeApi['requests'] = [];
  // Stripe answers a repeated Idempotency-Key with the first answer.
  const byIdempotencyKey = new Map<string, string>();
  const state = { failing: false };

  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, async (req) => {
    const { pathname } = new URL(req.url);
    requests.push({
      method: req.method,
      path: pathname,
      authorization: req.headers.get('authorization'),
    });
    const body = await req.text();
    if (state.failing) {
      return stripeError(500, 'api_error', 'Sorry, something went wrong on our end.');
    }
    if (!req.headers.get('authorization')?.startsWith('Bearer sk_')) {
      return stripeError(401, 'invalid_request_error', 'Invalid API Key provided.');
    }
    if (req.method === 'POST' && pathname === '/v1/checkout/sessions') {
      const key = req.headers.get('idempotency-key');
      const earlier = key ? sessions.get(byIdempotencyKey.get(key) ?? '') : undefined;
      if (earlier) return sessionJson(earlier);
      const session = createSession(new URLSearchParams(body));
      sessions.set(session.id, session);
      if (key) byIdempotencyKey.set(key, session.id);
      return sessionJson(session);
    }
    const id = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(pathname)?.[1];
    if (req.method === 'GET' && id) {
      const session = sessions.get(decodeURIComponent(id));
      return session
        ? sessionJson(session)
        : stripeError(
            404,
            'invalid_request_error',
            `No such checkout.session: '${id}'`,
            'resource_missing',
          );
    }
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${pathname}).`);
  });

  return {
    address: { host: '127.0.0.1', port: server.addr.port, protocol: 'http' },
    sessions,
    requests,
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    settle(id, status) {
      const session = sessions.get(id);
      if (!session) throw new Error(`no fake session ${id}`);
      session.status = status;
      // Stripe gives the page's url only while the session is open.
      session.url = null;
      if (status === 'complete') session.payment_status = 'paid';
    },
    close: () => server.shutdown(),
  };
}

/** An address where nothing listens: a port the system gave out, then closed again. */
export function closedStripeAddress(): StripeApiAddress {
  const listener = Deno.listen({ hostname: '127.0.0.1', port: 0 });
  const { port } = listener.addr;
  listener.close();
  return { host: '127.0.0.1', port, protocol: 'http' };
}
