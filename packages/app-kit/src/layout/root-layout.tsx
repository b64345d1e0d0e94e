import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { AppShell } from '@alawein/ui';
import { useProfile, useSignOut } from '@alawein/supabase-client';
import { useAuthState } from '../auth/auth-state.ts';
import { BackendGate } from '../backend/backend-gate.tsx';
import { useApp } from '../config/app-context.tsx';
import { AppErrorBoundary } from '../errors/app-error-boundary.tsx';
import { paths } from '../paths.ts';
import { PageSpinner } from './page-spinner.tsx';
import { RouterLink } from './router-link.tsx';

/** Every page's frame: the shell, the backend check, the error boundary and the lazy page. */
export function RootLayout() {
  const { config } = useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const auth = useAuthState();
  const profile = useProfile();
  const signOut = useSignOut();

  const user = auth.user
    ? { email: auth.user.email ?? '', ...(profile.data ? { name: profile.data.display_name } : {}) }
    : null;

  return (
    <AppShell
      productName={config.productName}
      nav={config.nav}
      linkComponent={RouterLink}
      user={user}
      userMenuItems={[{ href: paths.account, label: 'Account', testId: 'nav-account' }]}
      onSignOut={async () => {
        await signOut.mutateAsync();
        await navigate(paths.home, { replace: true });
      }}
      signInHref={paths.signIn}
      signUpHref={paths.signUp}
      footer={config.footer}
    >
      <BackendGate>
        <AppErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </AppErrorBoundary>
      </BackendGate>
    </AppShell>
  );
}
