// Payment settings shared by liveit-api and liveit-webhooks.

/**
 * The webhook signing secret used when STRIPE_WEBHOOK_SECRET is unset outside production, so
 * test payments work from a fresh clone with no manual step. Public by design, like the local
 * stack's demo keys; production refuses to use it.
 */
export const LOCAL_WEBHOOK_SECRET = 'whsec_liveit_local_development_only_not_a_secret';

/** The Stripe events liveit-webhooks acts on; others are acknowledged and ignored. */
export const HANDLED_STRIPE_EVENTS = [
  'checkout.session.completed',
  'checkout.session.expired',
] as const;

/** Default stock hold of a checkout, in minutes (LIVEIT_HOLD_MINUTES overrides it). */
export const DEFAULT_HOLD_MINUTES = 30;
