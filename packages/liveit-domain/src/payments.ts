// Payment settings shared by liveit-api and liveit-webhooks.

/** The Stripe events liveit-webhooks acts on; others are acknowledged and ignored. */
export const HANDLED_STRIPE_EVENTS = [
  'checkout.session.completed',
  'checkout.session.expired',
] as const;

/** Default stock hold of a checkout, in minutes (LIVEIT_HOLD_MINUTES overrides it). */
export const DEFAULT_HOLD_MINUTES = 30;
