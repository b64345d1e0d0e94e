import { lazy, type ComponentType } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { AppRoute } from './config/app-config.ts';
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

/** An app route with its page already wrapped in `lazy()` (once, outside render). */
export interface LazyAppRoute {
  path: string;
  Page: ComponentType;
  protected?: boolean;
}

/** Wraps each of the app's routes in `lazy()`, so each page is its own chunk loaded on first visit. */
export function lazyRoutes(routes: AppRoute[] = []): LazyAppRoute[] {
  return routes.map((route) => ({
    path: route.path,
    Page: lazy(route.load),
    protected: route.protected,
  }));
}

/**
 * The app's routes: its own home page (a `lazy()` component created once, outside render) plus the
 * shared auth and account pages, inside the shell.
 */
export function AppRoutes({
  home: HomePage,
  routes = [],
}: {
  home: ComponentType;
  routes?: LazyAppRoute[];
}) {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route index element={<HomePage />} />
        {routes.map(({ path, Page, protected: isProtected }) => (
          <Route
            key={path}
            path={path}
            element={
              isProtected ? (
                <RequireAuth>
                  <Page />
                </RequireAuth>
              ) : (
                <Page />
              )
            }
          />
        ))}
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
