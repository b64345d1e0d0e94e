import { paths } from '../paths.ts';
import type { ReturnToState } from './require-auth.tsx';

/** Where to go after signing in: back to the protected page that sent the user here, else the account page. */
export function returnTo(state: unknown): string {
  const from = (state as ReturnToState | null)?.from;
  if (!from?.pathname.startsWith('/') || from.pathname.startsWith('//')) return paths.account;
  return from.pathname + (from.search ?? '');
}
