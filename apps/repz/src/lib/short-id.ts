/**
 * A short, stable label for another user: profiles are private to their owner, so a coach and a
 * client know each other by the first characters of their id.
 */
export function shortId(userId: string): string {
  return userId.replaceAll('-', '').slice(0, 8).toUpperCase();
}
