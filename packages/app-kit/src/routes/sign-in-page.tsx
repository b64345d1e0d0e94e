import { Navigate, useLocation } from 'react-router-dom';
import { AuthForm } from '@alawein/ui';
import { useSignIn } from '@alawein/supabase-client';
import { useAuthState } from '../auth/auth-state.ts';
import { returnTo } from '../auth/return-to.ts';
import { usePageTitle } from '../config/app-context.tsx';
import { PageSpinner } from '../layout/page-spinner.tsx';
import { TextLink } from '../layout/text-link.tsx';
import { paths } from '../paths.ts';

export default function SignInPage() {
  usePageTitle('Sign in');
  const auth = useAuthState();
  const signIn = useSignIn();
  const location = useLocation();

  if (auth.status === 'loading') return <PageSpinner label="Checking your session" />;
  // Signing in fills the session cache, which re-renders this page into the redirect.
  if (auth.status === 'signed-in') return <Navigate to={returnTo(location.state)} replace />;
  return (
    <div className="flex justify-center">
      <AuthForm
        mode="sign-in"
        onSubmit={async ({ email, password }) => {
          await signIn.mutateAsync({ email, password });
        }}
        footer={
          <>
            New here?{' '}
            <TextLink to={paths.signUp} state={location.state as unknown}>
              Create an account
            </TextLink>
          </>
        }
      />
    </div>
  );
}
