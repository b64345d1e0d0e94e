import { useEffect } from 'react';
import { Navigate } from 'react-router-dom';
import { ErrorFallback } from '@alawein/ui';
import { useSignOut } from '@alawein/supabase-client';
import { usePageTitle } from '../config/app-context.tsx';
import { PageSpinner } from '../layout/page-spinner.tsx';
import { paths } from '../paths.ts';

/** /sign-out: signs out on arrival and returns home (a link target for places without the user menu). */
export default function SignOutPage() {
  usePageTitle('Signing out');
  const { mutate, isSuccess, isError, error } = useSignOut();
  useEffect(() => mutate(), [mutate]);

  if (isSuccess) return <Navigate to={paths.home} replace />;
  if (isError)
    return <ErrorFallback title="Could not sign out" error={error} onRetry={() => mutate()} />;
  return <PageSpinner label="Signing out" />;
}
