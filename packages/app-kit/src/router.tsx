import { lazy, type ComponentType } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/require-auth.tsx';
import { RootLayout } from './layout/root-layout.tsx';
import { paths } from './paths.ts';

// Every page is its own chunk: the first page downloads only the shell and the page it shows.
// Declarative routes rather than a data router: the app loads no route data up front, and
// <Routes> keeps react-router's data-router code out of the first page (~15 KB gzipped).
const SignInPage = lazy(() => import('./routes/sign-in-page.tsx'));
const SignUpPage = lazy(() => import('./routes/sign-up-page.tsx'));
const AccountPage = lazy(() => import('./routes/account-page.tsx'));
const SignOutPage = lazy(() => import('./routes/sign-out-page.tsx'));
const NotFoundPage = lazy(() => import('./routes/not-found-page.tsx'));

/**
 * The app's routes: its own home page (a `lazy()` component created once, outside render) plus the
 * shared auth and account pages, inside the shell.
 */
export function AppRoutes({ home: HomePage }: { home: ComponentType }) {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<HomePage />} />
        <Route path={paths.signIn} element={<SignInPage />} />
        <Route path={paths.signUp} element={<SignUpPage />} />
        <Route
          path={paths.account}
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route path={paths.signOut} element={<SignOutPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
