import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { PageSpinner } from '../layout/page-spinner.tsx';
import { paths } from '../paths.ts';
import { useAuthState } from './auth-state.ts';

/** Where the sign-in page sends the user back to, carried in the router's location state. */
export interface ReturnToState {
  from?: { pathname: string; search?: string };
}

/**
 * Renders `children` for a signed-in user. A signed-out user is redirected to the sign-in page,
 * which returns them here afterwards; while the session is being restored it shows a spinner.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuthState();
  const location = useLocation();
  if (auth.status === 'loading') return <PageSpinner label="Checking your session" />;
  if (auth.status === 'signed-out') {
    const state: ReturnToState = { from: { pathname: location.pathname, search: location.search } };
    return <Navigate to={paths.signIn} replace state={state} />;
  }
  return children;
}
