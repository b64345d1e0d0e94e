import { useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { AuthForm, EmptyState } from '@alawein/ui';
import { useSignUp } from '@alawein/supabase-client';
import { useAuthState } from '../auth/auth-state.ts';
import { returnTo } from '../auth/return-to.ts';
import { usePageTitle } from '../config/app-context.tsx';
import { PageSpinner } from '../layout/page-spinner.tsx';
import { TextLink } from '../layout/text-link.tsx';
import { paths } from '../paths.ts';

export default function SignUpPage() {
  usePageTitle('Create your account');
  const auth = useAuthState();
  const signUp = useSignUp();
  const location = useLocation();
  // Set when the project requires e-mail confirmation: sign-up succeeded but there is no session yet.
  const [confirmEmail, setConfirmEmail] = useState<string | null>(null);

  if (auth.status === 'loading') return <PageSpinner label="Checking your session" />;
  if (auth.status === 'signed-in') return <Navigate to={returnTo(location.state)} replace />;
  if (confirmEmail) {
    return (
      <EmptyState
        title="Check your e-mail"
        description={`We sent a confirmation link to ${confirmEmail}. Open it to finish creating your account, then sign in.`}
        action={<TextLink to={paths.signIn}>Go to sign in</TextLink>}
      />
    );
  }
  return (
    <div className="flex justify-center">
      <AuthForm
        mode="sign-up"
        onSubmit={async ({ email, password }) => {
          const result = await signUp.mutateAsync({ email, password });
          if (!result.session) setConfirmEmail(email);
        }}
        footer={
          <>
            Already have an account?{' '}
            <TextLink to={paths.signIn} state={location.state as unknown}>
              Sign in
            </TextLink>
          </>
        }
      />
    </div>
  );
}
