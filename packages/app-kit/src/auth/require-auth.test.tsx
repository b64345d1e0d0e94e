// RequireAuth against the real supabase-js client: the session comes from the client's storage,
// exactly as in the browser. No request is made, so the backend URL points nowhere.
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { createBrowserClient, createQueryClient, SupabaseProvider } from '@alawein/supabase-client';
import type { ReturnToState } from './require-auth.tsx';
import { RequireAuth } from './require-auth.tsx';

// One storage key per test: supabase-js warns when two clients share one in a page.
let storageKey = '';

function storedSession(email: string) {
  const now = Math.floor(Date.now() / 1000);
  return {
    access_token: 'header.payload.signature',
    refresh_token: 'refresh-token',
    token_type: 'bearer',
    expires_in: 3600,
    expires_at: now + 3600,
    user: {
      id: '6f1c1d0e-8a5b-4c7e-9a43-2b0d1f3e5a77',
      aud: 'authenticated',
      role: 'authenticated',
      email,
      app_metadata: {},
      user_metadata: {},
      created_at: new Date().toISOString(),
    },
  };
}

function SignInProbe() {
  const state = useLocation().state as ReturnToState | null;
  return (
    <p>
      sign-in page, return to{' '}
      {state?.from ? `${state.from.pathname}${state.from.search ?? ''}` : 'nothing'}
    </p>
  );
}

function renderAt(path: string) {
  const client = createBrowserClient(
    { supabaseUrl: 'http://127.0.0.1:9', supabaseAnonKey: 'anon-key' },
    { auth: { storageKey, autoRefreshToken: false, detectSessionInUrl: false } },
  );
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <SupabaseProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route
              path="/account"
              element={
                <RequireAuth>
                  <p>account page</p>
                </RequireAuth>
              }
            />
            <Route path="/sign-in" element={<SignInProbe />} />
          </Routes>
        </MemoryRouter>
      </SupabaseProvider>
    </QueryClientProvider>,
  );
}

describe('RequireAuth', () => {
  beforeEach(() => {
    localStorage.clear();
    storageKey = `app-kit-test-${crypto.randomUUID()}`;
  });
  afterEach(cleanup);

  it('sends a signed-out user to the sign-in page, remembering where they were going', async () => {
    renderAt('/account?tab=profile');
    expect(await screen.findByText('sign-in page, return to /account?tab=profile')).toBeTruthy();
    expect(screen.queryByText('account page')).toBeNull();
  });

  it('shows the page to a signed-in user', async () => {
    localStorage.setItem(storageKey, JSON.stringify(storedSession('ada@example.com')));
    renderAt('/account');
    expect(await screen.findByText('account page')).toBeTruthy();
    expect(screen.queryByText(/sign-in page/)).toBeNull();
  });

  it('shows a spinner, not the page or a redirect, while the session is being restored', () => {
    renderAt('/account');
    expect(screen.getByRole('status').textContent).toContain('Checking your session');
    expect(screen.queryByText('account page')).toBeNull();
  });
});
