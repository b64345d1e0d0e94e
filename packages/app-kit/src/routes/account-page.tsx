import { useNavigate } from 'react-router-dom';
import { Button, ErrorFallback } from '@alawein/ui';
import { useProfile } from '@alawein/supabase-client';
import { ProfileForm } from '../account/profile-form.tsx';
import { useAuthState } from '../auth/auth-state.ts';
import { usePageTitle } from '../config/app-context.tsx';
import { PageSpinner } from '../layout/page-spinner.tsx';
import { paths } from '../paths.ts';

/** The signed-in user's account: e-mail, editable profile, sign out. Rendered inside RequireAuth. */
export default function AccountPage() {
  usePageTitle('Account');
  const auth = useAuthState();
  const profile = useProfile();
  const navigate = useNavigate();

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-fg" data-testid="account-heading">
          Your account
        </h1>
        <p className="text-sm text-muted-fg">
          Signed in as <span data-testid="account-email">{auth.user?.email}</span>
        </p>
      </div>
      <section aria-labelledby="profile-heading" className="flex flex-col gap-4">
        <h2 id="profile-heading" className="text-lg font-semibold text-fg">
          Profile
        </h2>
        {profile.isPending ? (
          <PageSpinner label="Loading your profile" />
        ) : profile.isError ? (
          <ErrorFallback
            title="Could not load your profile"
            error={profile.error}
            onRetry={() => void profile.refetch()}
          />
        ) : (
          <ProfileForm profile={profile.data} />
        )}
      </section>
      <section
        aria-labelledby="session-heading"
        className="flex flex-col items-start gap-3 border-t border-border pt-6"
      >
        <h2 id="session-heading" className="text-lg font-semibold text-fg">
          Session
        </h2>
        {/* Leaving first: signing out here would make RequireAuth send the user to the sign-in page. */}
        <Button
          variant="secondary"
          onClick={() => void navigate(paths.signOut)}
          data-testid="account-sign-out"
        >
          Sign out
        </Button>
      </section>
    </div>
  );
}
